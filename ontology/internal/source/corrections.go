package source

// Correction replaces one field of the conversion table's row for a code.
// dyad corrects only values that are not in the PLOVER manual's (draft 0.8)
// vocabulary for the row's category; mappings that are valid but debatable
// are kept as published. From must match the published value, so a change
// upstream makes the generator fail rather than silently apply a stale fix.
type Correction struct {
	Code  string
	Field string // "mode" or "context"; context values are joined with ";"
	From  string
	To    string
	Why   string
}

// Corrections lists every change dyad makes to the published conversion
// table, with the reason.
var Corrections = []Correction{
	{"085", "mode", "ease", "", `the table itself notes that "ease" is no longer a mode`},
	{"0842", "mode", "return", "", "RETREAT has no return mode in the manual"},
	{"132", "mode", "ban", "restrict", "THREATEN has no ban mode; restrict covers bans on political activity"},
	{"1322", "mode", "ban", "restrict", "THREATEN has no ban mode; restrict covers bans on political activity"},
	{"1321", "mode", "political", "restrict", "THREATEN has no political mode; restrict covers limits on freedoms"},
	{"1722", "mode", "ban", "restrict", "COERCE has no ban mode; restrict covers banning people or groups from politics"},
	{"1712", "mode", "seize", "destroy", "seize is a COERCE mode; ASSAULT's mode for destroying property is destroy"},
	{"175", "mode", "pro_autocracy", "", "pro_autocracy is a context, not a mode"},
	{"175", "context", "military", "military;pro_autocracy", "pro_autocracy moved here from the mode field"},
	{"185", "mode", "assassinate", "targeted", "ASSAULT's mode for assassinations is targeted"},
	{"186", "mode", "assassinate", "targeted", "ASSAULT's mode for assassinations is targeted"},
	{"200", "mode", "massacre", "", "the manual withdrew the massacre mode"},
	{"202", "mode", "massacre", "targeted", "the manual withdrew massacre; targeted covers deliberate mass killing"},
	{"201", "mode", "cleansing", "", "the manual withdrew the cleansing mode"},
	{"203", "mode", "cleansing", "", "the manual withdrew the cleansing mode"},
	{"073", "context", "humanitarian", "human_security", "humanitarian is not a manual context; human_security is"},
	{"0333", "context", "humanitarian", "human_security", "humanitarian is not a manual context; human_security is"},
	{"0863", "context", "humanitarian", "human_security", "humanitarian is not a manual context; human_security is"},
	{"1033", "context", "humanitarian", "human_security", "humanitarian is not a manual context; human_security is"},
	{"1223", "context", "humanitarian", "human_security", "humanitarian is not a manual context; human_security is"},
	{"1623", "context", "humanitarian", "human_security", "humanitarian is not a manual context; human_security is"},
	{"0811", "context", "democracy", "pro_democracy", "democracy is not a manual context; pro_democracy is"},
	{"0812", "context", "democracy", "pro_democracy", "democracy is not a manual context; pro_democracy is"},
	{"082", "context", "democracy", "pro_democracy", "democracy is not a manual context; pro_democracy is"},
}
