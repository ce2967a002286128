//go:build !unix

package testingutil

import "time"

// CPUTime is not measured on this system: CPU figures read 0.
func CPUTime() time.Duration { return 0 }
