package catalogue

import "testing"

// TestBrokerRows: the clients of message brokers and RPC systems block on
// the network, both AMQP modules alike; HTTP/2 frame writes are connection
// writes (no round trip); what only prepares a call stays out.
func TestBrokerRows(t *testing.T) {
	for _, tc := range []struct {
		full string
		want Entry
	}{
		{"github.com/rabbitmq/amqp091-go.DialConfig", Entry{Cat: Network, Does: "dials the AMQP broker"}},
		{"github.com/streadway/amqp.DialConfig", Entry{Cat: Network, Does: "dials the AMQP broker"}},
		{"github.com/streadway/amqp.DialTLS", Entry{Cat: Network, Does: "dials the AMQP broker"}},
		{"(*github.com/rabbitmq/amqp091-go.Channel).PublishWithContext", Entry{Cat: Network, Does: "publishes to the AMQP broker"}},
		{"(*github.com/streadway/amqp.Channel).Publish", Entry{Cat: Network, Does: "publishes to the AMQP broker"}},
		{"(*github.com/streadway/amqp.Channel).Consume", Entry{Cat: Network, Does: "makes an AMQP round trip"}},
		{"(*github.com/rabbitmq/amqp091-go.Channel).QueueDeclare", Entry{Cat: Network, Does: "makes an AMQP round trip"}},
		{"(*github.com/nats-io/nats.go.Conn).Request", Entry{Cat: Network, Does: "makes a NATS request"}},
		{"(*github.com/nats-io/nats.go.Conn).FlushTimeout", Entry{Cat: Network, Does: "flushes to the NATS server and waits for its answer"}},
		{"(*github.com/segmentio/kafka-go.Writer).WriteMessages", Entry{Cat: Network, Does: "writes messages to Kafka"}},
		{"(*golang.org/x/net/http2.Framer).WriteGoAway", Entry{Cat: Network, Does: "writes an HTTP/2 frame to the connection", NoRoundTrip: true}},
		{"(*google.golang.org/grpc.ClientConn).Invoke", Entry{Cat: Network, Does: "makes a gRPC call"}},
		{"(google.golang.org/grpc.ClientConnInterface).Invoke", Entry{Cat: Network, Does: "makes a gRPC call"}},
		{"(google.golang.org/grpc.ClientStream).SendMsg", Entry{Cat: Network, Does: "sends on a gRPC stream"}},
		{"(google.golang.org/grpc.ClientStream).RecvMsg", Entry{Cat: Network, Does: "receives from a gRPC stream"}},
		{"github.com/go-ldap/ldap/v3.DialURL", Entry{Cat: Network, Does: "dials the LDAP server"}},
		{"(*github.com/go-ldap/ldap/v3.Conn).Search", Entry{Cat: Network, Does: "makes an LDAP round trip"}},
	} {
		got, ok := Lookup(tc.full)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, true", tc.full, got, ok, tc.want)
		}
	}
	for _, full := range []string{
		"(*github.com/rabbitmq/amqp091-go.Channel).Close", // closing does not wait for the peer here either
		"(*github.com/nats-io/nats.go.Conn).Publish",      // buffered: the flush is the wait
		"(*github.com/segmentio/kafka-go.Writer).Close",
		"(*golang.org/x/net/http2.Framer).SetMaxReadFrameSize",
		"(google.golang.org/grpc.ClientStream).CloseSend",
		"(*google.golang.org/grpc.ClientConn).Close",
		"(*github.com/go-ldap/ldap/v3.Conn).Close",
	} {
		if e, ok := Lookup(full); ok {
			t.Errorf("Lookup(%q) = %+v, true; want a miss", full, e)
		}
	}
}
