package stream

import (
	"crypto/tls"
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ServerOptions configure an embedded NATS server with JetStream.
type ServerOptions struct {
	Name string // server name, unique in a cluster; default: NATS picks one
	Dir  string // JetStream storage directory (required)
	Host string // client address; default 127.0.0.1
	Port int    // client port; default 4222, -1 for any free port

	// A cluster: its name, this node's route address, and the routes to
	// the other nodes (nats-route://host:port). Empty Cluster: one server.
	Cluster     string
	ClusterHost string
	ClusterPort int
	Routes      []string

	// Security: TLS for clients, and the public nkeys of the users
	// allowed in, or a token every client gives (neither: anyone may
	// connect; NATS takes one or the other).
	TLS   *tls.Config
	Nkeys []string
	Token string

	Ready time.Duration // how long to wait for the server to accept clients; default 10s
}

// StartServer starts a NATS server with JetStream in this process and
// waits until it accepts clients. Stop it with Shutdown.
func StartServer(o ServerOptions) (*server.Server, error) {
	if o.Dir == "" {
		return nil, fmt.Errorf("embedded nats: no storage directory")
	}
	if o.Host == "" {
		o.Host = "127.0.0.1"
	}
	if o.Port == 0 {
		o.Port = 4222
	}
	if o.Ready <= 0 {
		o.Ready = 10 * time.Second
	}
	opts := &server.Options{
		ServerName: o.Name, Host: o.Host, Port: o.Port,
		JetStream: true, StoreDir: o.Dir, NoSigs: true, NoLog: true,
	}
	if o.TLS != nil {
		opts.TLSConfig, opts.TLSTimeout = o.TLS, 5
	}
	if o.Token != "" && len(o.Nkeys) > 0 {
		return nil, fmt.Errorf("embedded nats: a token or nkeys, not both")
	}
	opts.Authorization = o.Token
	for _, k := range o.Nkeys {
		opts.Nkeys = append(opts.Nkeys, &server.NkeyUser{Nkey: k})
	}
	if o.Cluster != "" {
		host := o.ClusterHost
		if host == "" {
			host = o.Host
		}
		opts.Cluster = server.ClusterOpts{Name: o.Cluster, Host: host, Port: o.ClusterPort}
		for _, r := range o.Routes {
			opts.Routes = append(opts.Routes, server.RoutesFromStr(r)...)
		}
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	go s.Start()
	if !s.ReadyForConnections(o.Ready) {
		s.Shutdown()
		return nil, fmt.Errorf("embedded nats: not ready after %s", o.Ready)
	}
	return s, nil
}
