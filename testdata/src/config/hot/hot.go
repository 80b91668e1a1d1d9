// Package hot is hot only through the hot option: with the grpc preset,
// the methods of a gRPC service are hot.
package hot

import (
	"context"
	"log"

	"presets/pb"
)

type server struct {
	pb.UnimplementedGreeterServer
}

func (s *server) SayHello(ctx context.Context, req *pb.HelloRequest) (*pb.HelloReply, error) { // want SayHello:`hot blocking\(log\): log.Printf`
	log.Printf("hello %s", req.Name) // want `log.Printf writes a log line on every call of gRPC method server.SayHello`
	return &pb.HelloReply{}, nil
}
