// Package redis is a test stub of github.com/go-redis/redis/v8: only the API
// surface the iohotpath tests call, with the real names, signatures and
// type shapes (commands are methods of the unexported function type
// cmdable, promoted into Client and Pipeline).
package redis

import (
	"context"
	"time"
)

// Cmder is a queued or executed command.
type Cmder interface {
	Name() string
	Err() error
}

// StringCmd is a command with a string reply.
type StringCmd struct {
	val string
	err error
}

func (cmd *StringCmd) Name() string            { return "get" }
func (cmd *StringCmd) Err() error              { return cmd.err }
func (cmd *StringCmd) Result() (string, error) { return cmd.val, cmd.err }

// StatusCmd is a command with a status reply.
type StatusCmd struct{ err error }

func (cmd *StatusCmd) Name() string { return "set" }
func (cmd *StatusCmd) Err() error   { return cmd.err }

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

// Options keeps the settings to set up a Redis connection.
type Options struct{ Addr string }

type baseClient struct{ opt *Options }

// Close closes the client, releasing any open resources.
func (c *baseClient) Close() error { return nil }

type hooks struct{ hooks []interface{} }

// Client is a Redis client representing a pool of connections.
type Client struct {
	*baseClient
	cmdable
	hooks
	ctx context.Context
}

// NewClient returns a client to the Redis Server specified by Options.
func NewClient(opt *Options) *Client { return &Client{baseClient: &baseClient{opt: opt}} }

// Options returns read-only Options that were used to create the client.
func (c *Client) Options() *Options { return c.opt }

// Context returns the client's context; it does no I/O.
func (c *Client) Context() context.Context { return c.ctx }

func (c *Client) Do(ctx context.Context, args ...interface{}) *StringCmd { return &StringCmd{} }

// Pipeline returns a pipeline that queues commands until Exec.
func (c *Client) Pipeline() Pipeliner { return &Pipeline{} }

// Pipeliner is the interface of a pipeline.
type Pipeliner interface {
	Get(ctx context.Context, key string) *StringCmd
	Exec(ctx context.Context) ([]Cmder, error)
}

// Pipeline queues commands (its cmdable only appends) until Exec.
type Pipeline struct {
	cmdable
	cmds []Cmder
}

// Exec sends all queued commands in one round trip.
func (c *Pipeline) Exec(ctx context.Context) ([]Cmder, error) { return c.cmds, nil }
