// Command server wires the stores into the handlers.
package main

import (
	"bytes"
	"database/sql"
	"log"
	"net"
	"net/http"
	"os"
	"sync"

	"example.com/program/fanout"
	"example.com/program/filesaver"
	"example.com/program/handler"
	"example.com/program/leveled"
	"example.com/program/locked"
	"example.com/program/memstore"
	"example.com/program/sqlstore"
	"example.com/program/web"
)

var misses int

func main() {
	logFile, _ := os.OpenFile("app.log", os.O_APPEND|os.O_WRONLY, 0o644)
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

		Journal: &filesaver.Journal{Out: logFile},
		Tally:   &filesaver.Tally{W: new(bytes.Buffer)},
		Buf:     new(bytes.Buffer),
		Namers:  []handler.Namer{filesaver.Static("a"), filesaver.Upper("b"), filesaver.FromFile{Path: "name"}},
		Sinks:   []handler.Saver{&filesaver.Journal{Out: logFile}, &filesaver.Tally{W: new(bytes.Buffer)}},
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
	s.Log("")
	s.Note("")
	s.Flush(true)
	s.Echo("")
	s.Describe()
	s.Keep("", true)
	handler.Emit(logFile, "start")
	fanout.New().Process(nil)
	lg := &locked.Log{Out: logFile, Mem: &buffer{}, Files: [2]locked.File{logFile, &buffer{}}, Dial: net.Dial}
	lg.Flush()
	lg.Rotate()
	lg.Connect("log:514")
	lg.Reconnect("log:514")
	lg.Count()
	(&locked.Store{Mu: new(sync.Mutex), Disk: logFile}).Put("k", "v")
	mux := http.NewServeMux()
	mux.Handle("/get", web.Logged(&web.H{Store: store}))
	mux.Handle("/put", web.Logged(&web.Put{Config: &filesaver.F{Path: "put.json"}}))
	mux.Handle("/audit", web.JSON(func(r *http.Request) string { os.WriteFile("/var/log/audit", nil, 0o644); return "" }))
	mux.HandleFunc("/saved", web.Saved)
	stdout := log.New(os.Stdout, "", 0)
	ls := &leveled.Server{Log: leveled.New(log.Println), Quiet: leveled.NewQuiet(log.Println)}
	ls.Log = leveled.New(stdout.Println, "info")
	ls.Quiet = leveled.NewQuiet(func(...any) { misses++ })
	ls.Get("x")
	http.ListenAndServe(":8080", mux)
}

// buffer is a log file in memory.
type buffer struct{ b []byte }

func (b *buffer) Write(p []byte) (int, error) { b.b = append(b.b, p...); return len(p), nil }
func (b *buffer) Sync() error                 { return nil }
