// Package eval implements dyad's scoring against gold data: parses in
// CoNLL-U (CoNLL 2018 measures, from gold tokens or raw text), PETRARCH
// validation records (exact, partial, wrong, missed, exceptions, with the
// likeliest cause of each failure), gold events (precision, recall and F1 at
// root, code and actor level), and the calibration of event confidence
// (labelled events, a logistic fit, a reliability table).
package eval
