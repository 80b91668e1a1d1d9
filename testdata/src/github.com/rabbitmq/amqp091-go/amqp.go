// Package amqp091 is a stub of github.com/rabbitmq/amqp091-go for tests.
package amqp091

type Config struct{ Vhost string }

type Connection struct{}

func DialConfig(url string, config Config) (*Connection, error) { return &Connection{}, nil }

func (c *Connection) Close() error { return nil }
