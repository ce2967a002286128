package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/stream"
)

// embeddedAuth is who an embedded NATS server lets in: the holders of a
// token, or of the seeds of a list of user nkeys (NATS takes one or the
// other), or, with neither, anyone who reaches it. With nkeys, the
// process's own worker signs in with a key pair made at start, which
// never leaves the process.
type embeddedAuth struct {
	token string
	users []string      // public user nkeys (U…)
	self  nkeys.KeyPair // the in-process client's; nil without nkeys
}

// readEmbeddedAuth reads --nats-token-file and --nats-nkeys.
func readEmbeddedAuth(tokenFile, nkeysFile string) (*embeddedAuth, error) {
	tok, err := readToken(tokenFile)
	if err != nil {
		return nil, err
	}
	users, err := readNkeys(nkeysFile)
	if err != nil {
		return nil, err
	}
	if tok != "" && len(users) > 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "--nats-token-file and --nats-nkeys: give one, NATS takes a token or nkeys, not both")
	}
	a := &embeddedAuth{token: tok, users: users}
	if len(users) > 0 {
		if a.self, err = nkeys.CreateUser(); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// open reports whether the server lets anyone in.
func (a *embeddedAuth) open() bool { return a.token == "" && len(a.users) == 0 }

// server returns the server's token and nkeys, the in-process client's
// among them.
func (a *embeddedAuth) server() (token string, users []string, err error) {
	if a.self == nil {
		return a.token, nil, nil
	}
	pub, err := a.self.PublicKey()
	if err != nil {
		return "", nil, err
	}
	return a.token, append(append([]string(nil), a.users...), pub), nil
}

// client returns the connection options of the process's own client.
func (a *embeddedAuth) client() []nats.Option {
	switch {
	case a.self != nil:
		pub, _ := a.self.PublicKey() // checked by server, which runs first
		return []nats.Option{nats.Nkey(pub, a.self.Sign)}
	case a.token != "":
		return []nats.Option{nats.Token(a.token)}
	}
	return nil
}

// readToken returns the token in file (surrounding space trimmed), "" for
// no file.
func readToken(file string) (string, error) {
	if file == "" {
		return "", nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", dyad.Errorf(dyad.EINVALID, "--nats-token-file: %v", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" {
		return "", dyad.Errorf(dyad.EINVALID, "--nats-token-file %s: empty", file)
	}
	return tok, nil
}

// readNkeys returns the public user nkeys listed in file, one a line
// ('#' starts a comment); nil for no file. A line that is not a public
// user nkey is an error naming it: a seed put there by mistake would
// otherwise be a secret in a file meant to be shared.
func readNkeys(file string) ([]string, error) {
	if file == "" {
		return nil, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "--nats-nkeys: %v", err)
	}
	var keys []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case nkeys.IsValidPublicUserKey(line):
			keys = append(keys, line)
		case strings.HasPrefix(line, "SU"):
			return nil, dyad.Errorf(dyad.EINVALID, "--nats-nkeys %s:%d: a seed, not a public key: the server needs only the public key (U…); keep the seed with its client", file, n)
		default:
			return nil, dyad.Errorf(dyad.EINVALID, "--nats-nkeys %s:%d: not a public user nkey (U…, 56 characters)", file, n)
		}
	}
	if len(keys) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "--nats-nkeys %s: no keys", file)
	}
	return keys, nil
}

// readServerTLS loads an embedded server's certificate and key (PEM);
// nil when neither is given. With it the server speaks only TLS to
// clients across the network (in-process clients need none).
func readServerTLS(certFile, keyFile string) (*tls.Config, error) {
	if certFile == "" && keyFile == "" {
		return nil, nil
	}
	if certFile == "" || keyFile == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "--nats-tls-cert and --nats-tls-key go together")
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "--nats-tls-cert %s, --nats-tls-key %s: %v", certFile, keyFile, err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// startEmbedded starts a NATS server in this process on the host and
// port of the first --from URL, letting in whom auth says, over TLS when
// tlsConf is not nil. A server listening beyond loopback that lets anyone
// in is refused: anyone who reached it could publish documents into the
// store. The process's own clients connect in process
// (nats.InProcessServer), through no socket.
func startEmbedded(dir, from string, auth *embeddedAuth, tlsConf *tls.Config) (*server.Server, error) {
	u, err := url.Parse(strings.Split(from, ",")[0])
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "--from %q: %v", from, err)
	}
	port := 4222
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "--from %q: bad port", from)
		}
	}
	if !isLoopback(u.Hostname()) && auth.open() {
		return nil, dyad.Errorf(dyad.EINVALID, "embedded NATS on %q listens beyond loopback: give --nats-nkeys or --nats-token-file (its clients give the seed or the same token)", from)
	}
	tok, users, err := auth.server()
	if err != nil {
		return nil, err
	}
	return stream.StartServer(stream.ServerOptions{Dir: dir, Host: u.Hostname(), Port: port, Token: tok, Nkeys: users, TLS: tlsConf})
}

// isLoopback reports whether host is localhost or a loopback address ("",
// all interfaces, is not).
func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}
