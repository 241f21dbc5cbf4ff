// Package httpx is what the HTML handlers (package web) and the JSON API
// (package web/api) share about a request: who makes it, its language, how
// its body and path parameters are read, the use cases' loaders called with
// the route's parameters (parse, then internal/app), and the one table from
// domain error codes to HTTP statuses. Both import it; it imports neither,
// so the API never needs the web package.
package httpx
