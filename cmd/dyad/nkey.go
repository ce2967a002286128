package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/nats-io/nkeys"

	"github.com/dyad-events/dyad"
)

// NkeyCommand makes a NATS user key pair: the seed, a secret, for the
// client that signs in with it (--nats-nkey), and the public key for the
// server's list (--nats-nkeys).
type NkeyCommand struct {
	Env
}

// Run runs "dyad nkey SEEDFILE".
func (c *NkeyCommand) Run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("dyad nkey", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(c.Stderr, "usage: dyad nkey SEEDFILE\n\nWrites a new NATS user nkey seed to SEEDFILE (mode 0600; an existing file is\nleft alone) and prints its public key. Give the seed to a client\n(dyad ingest --to … --nats-nkey SEEDFILE, dyad worker --nats-nkey SEEDFILE)\nand add the public key to the file an embedded server reads (--nats-nkeys).")
	}
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return flag.ErrHelp
	}
	kp, err := nkeys.CreateUser()
	if err != nil {
		return err
	}
	seed, err := kp.Seed()
	if err != nil {
		return err
	}
	pub, err := kp.PublicKey()
	if err != nil {
		return err
	}
	if err := writeNew(fs.Arg(0), append(seed, '\n')); err != nil {
		return err
	}
	_, err = fmt.Fprintln(c.Stdout, pub)
	return err
}

// writeNew writes b to a file that must not exist yet, readable by its
// owner only.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return dyad.Errorf(dyad.EINVALID, "%s exists: dyad nkey does not overwrite a seed", path)
	}
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
