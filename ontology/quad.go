package ontology

// Quad classes, the four-way summary of CAMEO and PLOVER events.
const (
	VerbalCooperation   = 1 // CAMEO roots 01–05
	MaterialCooperation = 2 // CAMEO roots 06–08
	VerbalConflict      = 3 // CAMEO roots 09–13
	MaterialConflict    = 4 // CAMEO roots 14–20
)

// QuadClassName returns the name of quad class q, such as "verbal
// cooperation", or "" when q is not 1 to 4.
func QuadClassName(q int) string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return ""
}
