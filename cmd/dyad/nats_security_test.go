package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"

	"github.com/dyad-events/dyad/internal/stream"
)

// TestNATSSecurity runs dyad ingest --to and dyad worker against a NATS
// server that speaks only TLS, wants a client certificate and lets in
// only one nkey user: with --nats-ca, --nats-cert, --nats-key and
// --nats-nkey both get through, and the documents are stored.
func TestNATSSecurity(t *testing.T) {
	const n = 8
	dir := t.TempDir()
	ca, key, cert := selfSigned(t, dir) // the server's certificate, the CA and the client's at once
	user, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := user.Seed()
	pub, _ := user.PublicKey()
	seedFile := filepath.Join(dir, "user.nk")
	if err := os.WriteFile(seedFile, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := stream.StartServer(stream.ServerOptions{Dir: filepath.Join(dir, "nats"), Port: -1,
		TLS: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12,
			ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool(t, ca)}, Nkeys: []string{pub}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	url := srv.ClientURL()

	// The server does turn away a client without the nkey, and one
	// without a certificate.
	if nc, err := nats.Connect(url, nats.RootCAs(ca), nats.ClientCert(ca, key)); err == nil {
		nc.Close()
		t.Fatal("a client without the nkey got in: the test server is not locked")
	}
	if nc, err := nats.Connect(url, nats.RootCAs(ca), nats.Nkey(pub, user.Sign)); err == nil {
		nc.Close()
		t.Fatal("a client without a certificate got in: the test server does not check them")
	}
	tlsFlags := []string{"--nats-ca", ca, "--nats-cert", ca, "--nats-key", key, "--nats-nkey", seedFile}

	if _, stderr, status := run(t, "", append(append([]string{"ingest", "--to", url}, tlsFlags...), "--quiet", queueCorpus(t, n))...); status != 0 {
		t.Fatalf("ingest --to with TLS and an nkey: status %d, stderr:\n%s", status, stderr)
	}
	db := filepath.Join(dir, "dyad.db")
	_, stop := startWorker(t, append([]string{"worker", "--from", url, "--db", db, "--metrics", ""}, tlsFlags...)...)
	waitStored(t, db, n)
	stop()
	if _, _, status := run(t, "", "worker", "--nats-cert", "c.pem"); status == 0 {
		t.Fatal("worker --nats-cert without --nats-key: status 0, want an error")
	}
}

// selfSigned writes a self-signed certificate for 127.0.0.1, good for
// servers and clients, and its key to dir, and returns the two PEM files
// and the certificate with its key.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, cert tls.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "dyad test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})
	certFile, keyFile = filepath.Join(dir, "ca.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, certPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, keyPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if cert, err = tls.X509KeyPair(certPEM, keyPEM); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile, cert
}

// pool returns a certificate pool holding the PEM file's certificates.
func pool(t *testing.T, file string) *x509.CertPool {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p := x509.NewCertPool()
	if !p.AppendCertsFromPEM(b) {
		t.Fatalf("%s: no certificate", file)
	}
	return p
}
