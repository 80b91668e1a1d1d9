package redis

import (
	"context"
	"time"
)

// Cmdable is the interface of every client that runs commands.
type Cmdable interface {
	Pipeline() Pipeliner
	Ping(ctx context.Context) *StatusCmd
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
	Incr(ctx context.Context, key string) *IntCmd
}

// StatefulCmdable adds the commands that change connection state.
type StatefulCmdable interface {
	Cmdable
	Select(ctx context.Context, index int) *StatusCmd
}

type cmdable func(ctx context.Context, cmd Cmder) error

type statefulCmdable func(ctx context.Context, cmd Cmder) error

func (c statefulCmdable) Select(ctx context.Context, index int) *StatusCmd {
	return &StatusCmd{}
}

func (c cmdable) Ping(ctx context.Context) *StatusCmd { return &StatusCmd{} }

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return &StatusCmd{}
}

func (c cmdable) Incr(ctx context.Context, key string) *IntCmd { return &IntCmd{} }
