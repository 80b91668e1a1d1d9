// Package grpcsvc: with -hot=grpc, the methods of a service are hot; one
// query per call is the method's job, one per item is not.
package grpcsvc

import (
	"context"
	"database/sql"
	"log"
	"os"

	"google.golang.org/grpc"

	"presets/pb"
)

type server struct {
	pb.UnimplementedGreeterServer
	db *sql.DB
}

func (s *server) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) { // want SayHello:"hot blocking\\(database\\)"
	var msg string
	s.db.QueryRowContext(ctx, "select msg from greetings where name = ?", req.Name).Scan(&msg) // silent: the method's one query
	log.Printf("hello %s", req.Name)                                                           // want `log.Printf writes a log line on every call of gRPC method server.SayHello`
	return &pb.HelloReply{Message: msg}, nil
}

func (s *server) SayHellos(req *pb.HelloRequest, stream pb.Greeter_SayHellosServer) error { // want SayHellos:"hot blocking\\(database\\)"
	for _, n := range []string{"a", "b"} {
		s.db.QueryRow("select ?", n) // want `\(\*sql.DB\).QueryRow queries the database in a loop on every call of gRPC method server.SayHellos`
	}
	return nil
}

// helper is not a method of the service.
func (s *server) helper() { // want helper:"blocking\\(log\\)"
	log.Printf("x") // silent
}

type store struct{}

func (st *store) Get(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) { // want Get:"hot blocking\\(file\\)"
	os.ReadFile("store.db") // want `os.ReadFile reads a file on every call of gRPC method store.Get`
	return nil, nil
}

func (st *store) Other() { // want Other:"blocking\\(file\\)"
	os.ReadFile("other") // silent: not a method of the service
}

// lookalike has the methods of a service but is neither registered nor
// embedding a generated server.
type lookalike struct{}

func (l *lookalike) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) { // want SayHello:"blocking\\(file\\)"
	os.ReadFile("z") // silent
	return nil, nil
}

func Serve() {
	s := grpc.NewServer()
	pb.RegisterStoreServer(s, &store{})
	pb.RegisterGreeterServer(s, &server{})
}

// echo is registered through a constructor that returns an interface.
type echo struct{}

type echoAll interface{ pb.EchoServer }

func newEcho() echoAll { return &echo{} }

func (e *echo) Echo(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) { // want Echo:"hot blocking\\(file\\)"
	os.ReadFile("echo") // want `os.ReadFile reads a file on every call of gRPC method echo.Echo`
	return nil, nil
}

func ServeEcho(s *grpc.Server) {
	e := newEcho()
	pb.RegisterEchoServer(s, e)
}
