// Package http2 is a stub of golang.org/x/net/http2 for tests.
package http2

type ErrCode uint32

const ErrCodeNo ErrCode = 0

type Framer struct{}

func (f *Framer) WriteGoAway(maxStreamID uint32, code ErrCode, debugData []byte) error { return nil }

func (f *Framer) WritePing(ack bool, data [8]byte) error { return nil }

func (f *Framer) SetMaxReadFrameSize(v uint32) {}
