package sqlite

// SetLoadSummaryRows sets how many summary rows a load holds in memory,
// so that a small load writes them more than once; it returns the undo.
func SetLoadSummaryRows(n int) func() {
	old := loadSummaryRows
	loadSummaryRows = n
	return func() { loadSummaryRows = old }
}
