package redis

import (
	"context"
	"time"
)

// Options keeps the settings to set up a Redis connection.
type Options struct {
	Addr        string
	DialTimeout time.Duration
}

// PoolStats contains pool state information.
type PoolStats struct{ TotalConns uint32 }

type baseClient struct {
	opt *Options
}

func (c *baseClient) String() string { return "Redis<" + c.opt.Addr + ">" }

// Close closes the client, releasing any open resources.
func (c *baseClient) Close() error { return nil }

// Hook is a Redis client hook.
type Hook interface{}

type hooksMixin struct{ slice []Hook }

// AddHook adds a hook; it does no I/O.
func (hs *hooksMixin) AddHook(hook Hook) { hs.slice = append(hs.slice, hook) }

// Client is a Redis client representing a pool of connections.
type Client struct {
	*baseClient
	cmdable
	hooksMixin
}

// NewClient returns a client to the Redis Server specified by Options.
func NewClient(opt *Options) *Client { return &Client{baseClient: &baseClient{opt: opt}} }

// Options returns read-only Options that were used to create the client.
func (c *Client) Options() *Options { return c.opt }

// PoolStats returns connection pool stats.
func (c *Client) PoolStats() *PoolStats { return &PoolStats{} }

func (c *Client) Do(ctx context.Context, args ...interface{}) *Cmd { return &Cmd{} }

func (c *Client) Process(ctx context.Context, cmd Cmder) error { return nil }

// Pipeline returns a pipeline that queues commands until Exec.
func (c *Client) Pipeline() Pipeliner { return &Pipeline{} }

func (c *Client) Pipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

func (c *Client) TxPipelined(ctx context.Context, fn func(Pipeliner) error) ([]Cmder, error) {
	return nil, nil
}

// Conn returns a single connection from the pool.
func (c *Client) Conn() *Conn { return &Conn{baseClient: baseClient{opt: c.opt}} }

// Conn represents a single Redis connection.
type Conn struct {
	baseClient
	cmdable
	statefulCmdable
	hooksMixin
}

// ClusterOptions are used to configure a cluster client.
type ClusterOptions struct{ Addrs []string }

// ClusterClient is a Redis Cluster client.
type ClusterClient struct {
	opt *ClusterOptions
	cmdable
	hooksMixin
}

// NewClusterClient returns a Redis Cluster client.
func NewClusterClient(opt *ClusterOptions) *ClusterClient { return &ClusterClient{opt: opt} }

// Options returns read-only Options that were used to create the client.
func (c *ClusterClient) Options() *ClusterOptions { return c.opt }

func (c *ClusterClient) Do(ctx context.Context, args ...interface{}) *Cmd { return &Cmd{} }
