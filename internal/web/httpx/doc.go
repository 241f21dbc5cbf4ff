// Package httpx is what the HTML handlers (package web) and the JSON API
// (package web/api) share about a request: who makes it, its language, how
// its body and path parameters are read, the use cases' loaders called with
// the route's parameters (parse, then internal/app), the one table from
// domain error codes to HTTP statuses, and how a kept body is gzipped and
// sent. Both import it; it imports neither, so the API never needs the web
// package.
package httpx
