// Package httpx is what the HTML handlers (package web) and the JSON API
// (package web/api) share about a request: who makes it, how its body and
// path parameters are read, the one table from domain error codes to HTTP
// statuses, and how a kept body is gzipped and sent. Both import it; it
// imports neither, so the API never needs the web package.
package httpx
