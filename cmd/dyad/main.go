// Command dyad turns news reports into political event data.
//
// Each subcommand lives in its own file with a type that has
// Run(ctx, args) error; main only maps the name to the command, handles
// signals and turns errors into exit codes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/dyad-events/dyad"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

// Command is one dyad subcommand.
type Command interface {
	Run(ctx context.Context, args []string) error
}

// Env is what every command reads and writes besides its arguments, so
// tests can capture output.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// errFailed reports that a command already printed its problems (for
// example bad records in a batch) and only the exit status remains to set.
var errFailed = errors.New("some inputs failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := Run(ctx, os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// Run runs the subcommand named by args[0].
func Run(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		usage(env.Stderr)
		return flag.ErrHelp
	}
	var cmd Command
	switch name := args[0]; name {
	case "ingest":
		cmd = &IngestCommand{Env: env}
	case "export":
		cmd = &ExportCommand{Env: env}
	case "recode":
		cmd = &RecodeCommand{Env: env}
	case "code":
		cmd = &CodeCommand{Env: env}
	case "actors":
		cmd = &ActorsCommand{Env: env}
	case "parse":
		cmd = &ParseCommand{Env: env}
	case "train":
		cmd = &TrainCommand{Env: env}
	case "eval":
		cmd = &EvalCommand{Env: env}
	case "bench":
		cmd = &BenchCommand{Env: env}
	case "worker":
		cmd = &WorkerCommand{Env: env}
	case "serve":
		cmd = &ServeCommand{Env: env}
	case "cluster":
		cmd = &ClusterCommand{Env: env}
	case "nkey":
		cmd = &NkeyCommand{Env: env}
	case "version":
		_, err := fmt.Fprintln(env.Stdout, "dyad", Version)
		return err
	case "help", "-h", "--help":
		usage(env.Stdout)
		return nil
	default:
		usage(env.Stderr)
		return dyad.Errorf(dyad.EINVALID, "unknown command %q", name)
	}
	return cmd.Run(ctx, args[1:])
}

// exitCode prints err as a user should see it and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	var e *dyad.Error
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 2
	case errors.Is(err, errFailed):
		return 1
	case errors.As(err, &e):
		fmt.Fprintln(stderr, "dyad:", e.Message)
		return 1
	default:
		fmt.Fprintln(stderr, "dyad:", err)
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `dyad turns news reports into political event data.

Usage:

	dyad <command> [arguments]

Commands:

	code      code stories into events (JSONL, TSV or explained)
	actors    list the names a corpus uses that no dictionary codes (--unknown)
	parse     tag and parse text, writing CoNLL-U
	train     train the tagger or parser model from UD treebanks
	eval      score dyad against gold data (parse, petrarch, events, confidence)
	ingest    code files, folders, globs, feeds or stdin into the store (dyad.db)
	export    write stored events as jsonl, csv, gdelt, phoenix, plover or parquet
	recode    re-code stored documents and report what changed
	cluster   regroup stored mentions into real-world events (once, or --every)
	serve     serve the HTTP API and web dashboard over a store
	worker    code and store documents from a NATS JetStream queue (ingest --to nats://…)
	nkey      make a NATS user key pair for the queue's clients and embedded server
	bench     measure speed (bench nlp, bench pipeline)
	version   print the version

Run "dyad <command> -h" for a command's flags.
`)
}
