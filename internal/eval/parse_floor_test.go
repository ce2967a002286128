package eval

// Accuracy floors for TestEWTFloor: the committed models' EWT test scores
// less a margin. Raise them with the models.
const (
	floorUPOS   = 95.7
	floorUAS    = 85.5
	floorLAS    = 82.8
	floorTokens = 98.5
	// The accurate mode, a beam of 8 with the beam model correcting the
	// greedy one (87.26 / 84.68 with the fifth session's models): it must
	// stay above the targets of 87.0 and 84.0.
	floorBeamUAS = 87.0
	floorBeamLAS = 84.3
)
