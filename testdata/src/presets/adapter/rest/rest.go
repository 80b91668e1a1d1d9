// Package rest holds handlers of web's adapter, converted in another
// package than the adapter's: the type's fact carries what it is.
package rest

import (
	"log"
	"net/http"
	"os"

	"presets/adapter/web"
)

func Show(w http.ResponseWriter, req *http.Request, ctx *web.Context) error { // want Show:"hot blocking\\(log\\)"
	log.Printf("show %s", ctx.Vars["id"]) // want `log.Printf writes a log line on every call of HTTP handler Show`
	return nil
}

func Source(w http.ResponseWriter, req *http.Request, ctx *web.Context) error { // want Source:"hot blocking\\(file\\)"
	b, err := os.ReadFile(ctx.Vars["path"]) // want `os.ReadFile reads a file on every call of HTTP handler Source`
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func Kept(w http.ResponseWriter, req *http.Request, ctx *web.Context) error { // want Kept:"^blocking\\(log\\)"
	log.Printf("kept") // silent: Wrapped never calls its function
	return nil
}

func Background(ctx *web.Context) { // want Background:"^blocking\\(log\\)"
	log.Printf("later") // silent: Later runs it apart from the request
}

func Vars(w http.ResponseWriter, req *http.Request, ctx *web.Context) error { // want Vars:"^blocking\\(log\\)"
	log.Printf("vars") // silent: registered at a debug route
	return nil
}

func Double(n int) int { // want Double:"hot blocking\\(log\\)"
	log.Printf("double %d", n) // want `log.Printf writes a log line on every call of hot function Double`
	return 2 * n
}

func Routes(mux *http.ServeMux) {
	mux.Handle("/show", web.Handler(Show))
	web.Route(mux, "/source", Source) // implicit: Route's parameter is a web.Handler
	mux.Handle("/kept", web.Wrapped(Kept))
	mux.Handle("/later", web.Later(Background))
	mux.Handle("/debug/vars", web.Handler(Vars))
	var h web.Handler
	h = func(w http.ResponseWriter, req *http.Request, ctx *web.Context) error {
		log.Printf("literal") // want `log.Printf writes a log line on every call of HTTP handler rest.Routes.func1`
		return nil
	}
	mux.Handle("/lit", h)
	_ = web.Scorer(Double)
}
