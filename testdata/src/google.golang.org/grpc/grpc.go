// Package grpc is a stub of google.golang.org/grpc for tests.
package grpc

type ServiceDesc struct{}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

func NewServer() *Server { return &Server{} }

func (s *Server) RegisterService(desc *ServiceDesc, impl any) {}
