package catalogue

// netRows are the calls that make a network round trip: net, crypto/tls,
// net/http, net/smtp and go-redis (v8 matches as v9: pathAliases).
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
}
