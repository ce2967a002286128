package dyad_test

import (
	"bufio"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// withPostgres prepares a run of .ci/with-postgres: it skips unless the
// script can start a cluster here (root, Debian's postgresql, the postgres
// user), and points TMPDIR at a directory the test watches for leftovers.
func withPostgres(t *testing.T, env []string, args ...string) (*exec.Cmd, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts PostgreSQL clusters")
	}
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if os.Getuid() != 0 || len(bins) == 0 {
		t.Skip("needs root and Debian's postgresql")
	}
	if _, err := exec.Command("id", "postgres").Output(); err != nil {
		t.Skip("no postgres user")
	}
	tmp, err := os.MkdirTemp("", "dyad-ci-test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	if err := os.Chmod(tmp, 0o755); err != nil { // the postgres user must reach the cluster
		t.Fatal(err)
	}
	cmd := exec.Command(".ci/with-postgres", args...)
	cmd.Env = append(append(os.Environ(), "TMPDIR="+tmp), env...)
	return cmd, tmp
}

// assertClean fails when the script left a cluster directory behind.
func assertClean(t *testing.T, tmp string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(tmp, "dyad-ci-pg.*"))
	if len(left) > 0 {
		t.Errorf("cluster left behind: %v", left)
	}
}

// exitCode is the exit status of a finished command, or -1.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err == nil {
		return 0
	}
	return -1
}

func TestCIWithPostgres(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		cmd, tmp := withPostgres(t, nil, "sh", "-c", `echo "URL=$DYAD_TEST_POSTGRES"`)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("with-postgres: %v\n%s", err, out)
		}
		i := strings.Index(string(out), "URL=postgres://dyad@127.0.0.1:")
		if i < 0 {
			t.Fatalf("no DYAD_TEST_POSTGRES in output:\n%s", out)
		}
		addr := strings.TrimPrefix(strings.Fields(string(out[i:]))[0], "URL=postgres://dyad@")
		addr = addr[:strings.Index(addr, "/")]
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			t.Errorf("server at %s still answers after the run", addr)
		}
		assertClean(t, tmp)
	})
	t.Run("CommandFails", func(t *testing.T) {
		cmd, tmp := withPostgres(t, nil, "sh", "-c", "exit 3")
		out, err := cmd.CombinedOutput()
		if got := exitCode(err); got != 3 {
			t.Fatalf("exit code %d, want 3 (the command's)\n%s", got, out)
		}
		assertClean(t, tmp)
	})
	t.Run("PortTaken", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		cmd, tmp := withPostgres(t, []string{"DYAD_CI_PGPORT=" + port}, "true")
		out, err := cmd.CombinedOutput()
		if exitCode(err) == 0 || !strings.Contains(string(out), "is taken") {
			t.Fatalf("err=%v, want a failure naming the taken port\n%s", err, out)
		}
		assertClean(t, tmp)
	})
	t.Run("Terminated", func(t *testing.T) {
		cmd, tmp := withPostgres(t, nil, "sh", "-c", `echo ready; sleep 20`)
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		for sc.Scan() && sc.Text() != "ready" {
		}
		// SIGTERM to the whole group, as a CI runner cancelling a job sends
		// (SIGINT is ignored by processes started in the background).
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		go func() {
			for sc.Scan() {
			}
		}()
		if err := cmd.Wait(); exitCode(err) == 0 {
			t.Errorf("terminated run exited 0")
		}
		assertClean(t, tmp)
	})
}
