package dyad

import (
	"errors"
	"fmt"
)

// Error codes. A user-visible problem carries one of these; anything else is
// an internal error.
const (
	EINVALID  = "invalid"   // bad input: a file, a line, a field
	ENOTFOUND = "not_found" // a named thing does not exist
	ECONFLICT = "conflict"  // the operation clashes with stored state
	EINTERNAL = "internal"  // a bug or an unexpected failure
)

// Error is a domain error: a code for programs and a message for people.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is or wraps an *Error, "" for nil,
// and EINTERNAL otherwise.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of err if it is or wraps an *Error, and
// "internal error" otherwise.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
