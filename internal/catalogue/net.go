package catalogue

// netRows are the calls that make a network round trip: net, crypto/tls,
// net/http, net/smtp, go-redis (v8 matches as v9: pathAliases), and the
// clients of message brokers and RPC systems (AMQP, NATS, Kafka, gRPC,
// LDAP) whose calls wait for the peer.
// Closing a connection is not among them: it does not wait for the peer.
var netRows = []Row{
	// net
	{Pkg: "net", Cat: Network, Does: "dials a connection", Names: []string{
		"Dial", "DialTimeout", "DialTCP", "DialUDP", "DialUnix", "DialIP",
	}},
	{Pkg: "net", Cat: Network, Does: "opens a listener", NoRoundTrip: true, Names: []string{
		"Listen", "ListenPacket", "ListenTCP", "ListenUDP", "ListenUnix", "ListenUnixgram", "ListenIP",
		"ListenMulticastUDP",
	}},
	{Pkg: "net", Cat: Network, Does: "makes a DNS lookup", Names: []string{
		"LookupHost", "LookupIP", "LookupAddr", "LookupCNAME", "LookupMX", "LookupNS", "LookupPort",
		"LookupSRV", "LookupTXT",
	}},
	{Pkg: "net", Recv: "*Resolver", Cat: Network, Does: "makes a DNS lookup", Names: []string{
		"LookupHost", "LookupIP", "LookupIPAddr", "LookupNetIP", "LookupAddr", "LookupCNAME", "LookupMX",
		"LookupNS", "LookupPort", "LookupSRV", "LookupTXT",
	}},
	{Pkg: "net", Recv: "*Dialer", Cat: Network, Does: "dials a connection", Names: []string{"Dial", "DialContext"}},
	{Pkg: "net", Recv: "*ListenConfig", Cat: Network, Does: "opens a listener", NoRoundTrip: true, Names: []string{"Listen", "ListenPacket"}},
	{Pkg: "net", Recv: "Conn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{"Read", "Write"}},
	{Pkg: "net", Recv: "PacketConn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{
		"ReadFrom", "WriteTo",
	}},
	{Pkg: "net", Recv: "*TCPConn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{
		"Read", "Write", "ReadFrom", "WriteTo",
	}},
	{Pkg: "net", Recv: "*UDPConn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{
		"Read", "Write", "ReadFrom", "ReadFromUDP", "ReadFromUDPAddrPort", "ReadMsgUDP",
		"WriteTo", "WriteToUDP", "WriteToUDPAddrPort", "WriteMsgUDP",
	}},
	{Pkg: "net", Recv: "*UnixConn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{
		"Read", "Write", "ReadFrom", "ReadFromUnix", "ReadMsgUnix", "WriteTo", "WriteToUnix",
		"WriteMsgUnix",
	}},
	{Pkg: "net", Recv: "*IPConn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{
		"Read", "Write", "ReadFrom", "ReadFromIP", "WriteTo", "WriteToIP",
	}},

	// crypto/tls
	{Pkg: "crypto/tls", Recv: "*Conn", Cat: Network, Does: "uses a network connection", NoRoundTrip: true, Names: []string{"Read", "Write"}},
	{Pkg: "crypto/tls", Recv: "*Conn", Cat: Network, Does: "performs a TLS handshake", Names: []string{"Handshake", "HandshakeContext"}},
	{Pkg: "crypto/tls", Cat: Network, Does: "dials a connection", Names: []string{"Dial", "DialWithDialer"}},

	// net/http, net/smtp
	{Pkg: "net/http", Cat: Network, Does: "makes an HTTP request", Names: []string{"Get", "Post", "Head", "PostForm"}},
	{Pkg: "net/http", Recv: "*Client", Cat: Network, Does: "makes an HTTP request", Names: []string{
		"Do", "Get", "Post", "Head", "PostForm",
	}},
	{Pkg: "net/http", Recv: "*Transport", Cat: Network, Does: "makes an HTTP request", Names: []string{"RoundTrip"}},
	{Pkg: "net/smtp", Cat: Network, Does: "sends mail", Names: []string{"SendMail", "Dial"}},

	// go-redis: every command method ("*") of the unexported cmdable
	// types, which the clients embed, is a round trip.
	{Pkg: "github.com/redis/go-redis/v9", Recv: "cmdable", Cat: Network, Does: "makes a Redis round trip", Names: []string{"*"}},
	{Pkg: "github.com/redis/go-redis/v9", Recv: "statefulCmdable", Cat: Network, Does: "makes a Redis round trip", Names: []string{"*"}},
	{Pkg: "github.com/redis/go-redis/v9", Recv: "*Client", Cat: Network, Does: "makes a Redis round trip", Names: []string{
		"Do", "Process", "Pipelined", "TxPipelined", "Watch",
	}},
	{Pkg: "github.com/redis/go-redis/v9", Recv: "*ClusterClient", Cat: Network, Does: "makes a Redis round trip", Names: []string{
		"Do", "Process", "Pipelined", "TxPipelined", "Watch",
	}},
	{Pkg: "github.com/redis/go-redis/v9", Recv: "*Ring", Cat: Network, Does: "makes a Redis round trip", Names: []string{
		"Do", "Process", "Pipelined", "TxPipelined", "Watch",
	}},
	{Pkg: "github.com/redis/go-redis/v9", Recv: "*Pipeline", Cat: Network, Does: "makes a Redis round trip", Names: []string{"Exec"}},
	{Pkg: "github.com/redis/go-redis/v9", Recv: "Pipeliner", Cat: Network, Does: "makes a Redis round trip", Names: []string{"Exec"}},

	// AMQP, both modules (amqp091-go is the maintained fork of streadway's):
	// dials, and channel operations that wait for the broker's answer or,
	// for a publish, for the broker to lift its flow control.
	{Pkg: "github.com/rabbitmq/amqp091-go", Cat: Network, Does: "dials the AMQP broker", Names: []string{
		"Dial", "DialConfig", "DialTLS", "DialTLS_ExternalAuth",
	}},
	{Pkg: "github.com/rabbitmq/amqp091-go", Recv: "*Connection", Cat: Network, Does: "opens an AMQP channel", Names: []string{"Channel"}},
	{Pkg: "github.com/rabbitmq/amqp091-go", Recv: "*Channel", Cat: Network, Does: "publishes to the AMQP broker", Names: []string{
		"Publish", "PublishWithContext", "PublishWithDeferredConfirm", "PublishWithDeferredConfirmWithContext",
	}},
	{Pkg: "github.com/rabbitmq/amqp091-go", Recv: "*Channel", Cat: Network, Does: "makes an AMQP round trip", Names: []string{
		"Consume", "ConsumeWithContext", "Get", "Qos", "Cancel", "Confirm", "Flow", "Recover", "Tx", "TxCommit", "TxRollback",
		"QueueDeclare", "QueueDeclarePassive", "QueueBind", "QueueUnbind", "QueuePurge", "QueueDelete",
		"ExchangeDeclare", "ExchangeDeclarePassive", "ExchangeDelete", "ExchangeBind", "ExchangeUnbind",
	}},
	{Pkg: "github.com/streadway/amqp", Cat: Network, Does: "dials the AMQP broker", Names: []string{
		"Dial", "DialConfig", "DialTLS",
	}},
	{Pkg: "github.com/streadway/amqp", Recv: "*Connection", Cat: Network, Does: "opens an AMQP channel", Names: []string{"Channel"}},
	{Pkg: "github.com/streadway/amqp", Recv: "*Channel", Cat: Network, Does: "publishes to the AMQP broker", Names: []string{"Publish"}},
	{Pkg: "github.com/streadway/amqp", Recv: "*Channel", Cat: Network, Does: "makes an AMQP round trip", Names: []string{
		"Consume", "Get", "Qos", "Cancel", "Confirm", "Flow", "Recover", "Tx", "TxCommit", "TxRollback",
		"QueueDeclare", "QueueDeclarePassive", "QueueInspect", "QueueBind", "QueueUnbind", "QueuePurge", "QueueDelete",
		"ExchangeDeclare", "ExchangeDeclarePassive", "ExchangeDelete", "ExchangeBind", "ExchangeUnbind",
	}},

	// NATS: a request waits for the reply, a flush for the server's pong.
	{Pkg: "github.com/nats-io/nats.go", Cat: Network, Does: "connects to the NATS server", Names: []string{"Connect"}},
	{Pkg: "github.com/nats-io/nats.go", Recv: "*Conn", Cat: Network, Does: "makes a NATS request", Names: []string{
		"Request", "RequestWithContext", "RequestMsg", "RequestMsgWithContext",
	}},
	{Pkg: "github.com/nats-io/nats.go", Recv: "*Conn", Cat: Network, Does: "flushes to the NATS server and waits for its answer", Names: []string{
		"Flush", "FlushTimeout", "FlushWithContext",
	}},

	// Kafka (segmentio): a writer's WriteMessages waits for the batch to
	// be acknowledged (synchronous unless Async).
	{Pkg: "github.com/segmentio/kafka-go", Recv: "*Writer", Cat: Network, Does: "writes messages to Kafka", Names: []string{"WriteMessages"}},
	{Pkg: "github.com/segmentio/kafka-go", Cat: Network, Does: "dials a Kafka broker", Names: []string{
		"Dial", "DialContext", "DialLeader", "DialPartition",
	}},

	// golang.org/x/net/http2: a Framer writes frames to (and reads them
	// from) a connection already open.
	{Pkg: "golang.org/x/net/http2", Recv: "*Framer", Cat: Network, Does: "writes an HTTP/2 frame to the connection", NoRoundTrip: true, Names: []string{
		"WriteData", "WriteDataPadded", "WriteHeaders", "WriteContinuation", "WriteSettings", "WriteSettingsAck",
		"WritePing", "WriteGoAway", "WriteWindowUpdate", "WriteRSTStream", "WritePriority", "WritePushPromise",
		"WriteRawFrame",
	}},
	{Pkg: "golang.org/x/net/http2", Recv: "*Framer", Cat: Network, Does: "reads an HTTP/2 frame from the connection", NoRoundTrip: true, Names: []string{"ReadFrame"}},

	// gRPC: a unary call waits for the response; a stream's SendMsg waits
	// for flow control and RecvMsg for the next message.
	{Pkg: "google.golang.org/grpc", Recv: "*ClientConn", Cat: Network, Does: "makes a gRPC call", Names: []string{"Invoke"}},
	{Pkg: "google.golang.org/grpc", Recv: "ClientConnInterface", Cat: Network, Does: "makes a gRPC call", Names: []string{"Invoke"}},
	{Pkg: "google.golang.org/grpc", Recv: "ClientStream", Cat: Network, Does: "sends on a gRPC stream", Names: []string{"SendMsg"}},
	{Pkg: "google.golang.org/grpc", Recv: "ClientStream", Cat: Network, Does: "receives from a gRPC stream", Names: []string{"RecvMsg", "Header"}},

	// LDAP: dials and the operations that wait for the server's answer.
	{Pkg: "github.com/go-ldap/ldap/v3", Cat: Network, Does: "dials the LDAP server", Names: []string{"DialURL", "Dial", "DialTLS"}},
	{Pkg: "github.com/go-ldap/ldap/v3", Recv: "*Conn", Cat: Network, Does: "makes an LDAP round trip", Names: []string{
		"Bind", "SimpleBind", "UnauthenticatedBind", "ExternalBind", "Search", "SearchWithPaging", "Add", "Del", "Modify",
		"ModifyDN", "PasswordModify", "Compare", "StartTLS",
	}},
}
