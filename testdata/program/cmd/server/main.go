// Command server wires the stores into the handlers.
package main

import (
	"database/sql"
	"net"
	"net/http"
	"os"

	"example.com/program/fanout"
	"example.com/program/filesaver"
	"example.com/program/handler"
	"example.com/program/memstore"
	"example.com/program/sqlstore"
	"example.com/program/web"
)

var misses int

func main() {
	db, _ := sql.Open("sqlite", "kv.db")
	store := &sqlstore.S{DB: db}
	s := &handler.Server{
		Store:  store,
		Cache:  memstore.M{},
		Config: &filesaver.F{Path: "config.json"},
		Mem:    memstore.M{},
		Dial:   net.Dial,
		Audit:  filesaver.Audit,
		Count:  func(string) { misses++ },
	}
	s.Hook = func(id string) { os.WriteFile("/var/log/hook", []byte(id), 0o644) }
	if os.Getenv("BACKUP") != "" {
		s.Backup = store
	} else {
		s.Backup = memstore.M{}
	}
	s.Cache.Get("warm")
	handler.GetFunc(store.Get).Get("x")
	s.Record("start")
	s.BatchGet(nil)
	s.Update("")
	s.Forward("")
	fanout.New().Process(nil)
	http.ListenAndServe(":8080", &web.H{Store: store})
}
