// Package handoff is a router as gofakes3's: the handler hands its
// request to the function of the route, which hands it to the operation.
// Each function given the handler's own ResponseWriter and Request on its
// normal path serves the request, and is reported as a handler in its own
// body.
package handoff

import (
	"errors"
	"log"
	"net/http"
	"os"
)

type Server struct{ root string }

func (s *Server) routeBase(w http.ResponseWriter, r *http.Request) { // want routeBase:"hot blocking\\(log\\)"
	var err error
	if r.URL.Query().Has("uploads") {
		err = s.routeUploads("b", w, r)
	} else {
		err = s.routeObject("b", "o", w, r)
	}
	if err != nil {
		s.httpError(w, r, err) // silent: a failure path hands nothing on
		return
	}
	for _, part := range []string{"a", "b"} {
		s.each(w, r, part) // want `\(\*handoff.Server\).each performs blocking log I/O \(log.Printf\) in a loop on every call of HTTP handler Server.routeBase`
	}
	s.writeJSON(w, "done")      // want `\(\*handoff.Server\).writeJSON performs blocking log I/O \(log.Printf\) on every call of HTTP handler Server.routeBase`
	go s.background(w, r, "id") // silent: apart from the request
}

func (s *Server) routeObject(bucket, object string, w http.ResponseWriter, r *http.Request) error { // want routeObject:"hot blocking\\(log\\)"
	switch r.Method {
	case "GET":
		return s.getObject(bucket, object, w, r)
	case "PUT":
		return s.putObject(bucket, object, w, r)
	}
	return errors.New("method not allowed")
}

func (s *Server) routeUploads(bucket string, w http.ResponseWriter, r *http.Request) error { // want routeUploads:"hot blocking\\(stat\\)"
	return s.listUploads(bucket, w, r)
}

func (s *Server) getObject(bucket, object string, w http.ResponseWriter, r *http.Request) error { // want getObject:"hot blocking\\(log\\)"
	log.Printf("GET %s/%s", bucket, object) // want `log.Printf writes a log line on every call of HTTP handler Server.getObject`
	return nil
}

func (s *Server) putObject(bucket, object string, w http.ResponseWriter, r *http.Request) error { // want putObject:"hot blocking\\(file\\)"
	return os.WriteFile(s.root+"/"+bucket+"/"+object, nil, 0o600) // want `os.WriteFile writes a file on every call of HTTP handler Server.putObject`
}

func (s *Server) listUploads(bucket string, w http.ResponseWriter, r *http.Request) error { // want listUploads:"hot blocking\\(stat\\)"
	_, err := os.Stat(s.root + "/" + bucket) // want `os.Stat stats a file on every call of HTTP handler Server.listUploads`
	return err
}

func (s *Server) httpError(w http.ResponseWriter, r *http.Request, err error) { // want httpError:"answers error"
	log.Printf("error: %v", err)
	http.Error(w, err.Error(), http.StatusInternalServerError)
}

func (s *Server) each(w http.ResponseWriter, r *http.Request, part string) { // want each:"^blocking\\(log\\)"
	log.Printf("part %s", part)
}

func (s *Server) writeJSON(w http.ResponseWriter, v string) { // want writeJSON:"^blocking\\(log\\)"
	log.Printf("json %s", v)
}

func (s *Server) background(w http.ResponseWriter, r *http.Request, id string) { // want background:"^blocking\\(log\\)"
	log.Printf("background")
}
