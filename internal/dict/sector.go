package dict

// Sectors maps every sector code dyad's dictionaries use to a short
// description. A sector follows a country code in an actor code (USAGOV,
// KORCOP) and is what an agent gives. docs/DICTIONARIES.md lists them.
var Sectors = map[string]string{
	// Primary roles (CAMEO).
	"GOV": "government: executive, ministers, officials",
	"MIL": "military: armed forces, defence ministry",
	"COP": "police and internal security forces",
	"JUD": "judiciary: courts, judges, prosecutors",
	"LEG": "legislature: parliament, lawmakers",
	"OPP": "political opposition",
	"PTY": "political party",
	"REB": "rebels, insurgents and militants",
	"INS": "insurgents",
	"SEP": "separatists",
	"SPY": "intelligence services",
	"UAF": "unidentified armed forces: gunmen",
	"IGO": "intergovernmental organisation",
	"NGO": "non-governmental organisation",
	"MNC": "multinational corporation",
	// Secondary roles (CAMEO).
	"AGR": "agriculture",
	"BUS": "business",
	"CRM": "criminals",
	"CVL": "civilians and the public",
	"DEV": "development",
	"EDU": "education: students, teachers",
	"ELI": "elites: former officials, prominent figures",
	"ENV": "environment",
	"HLH": "health",
	"HRI": "human rights",
	"LAB": "labour",
	"MED": "media: journalists",
	"REF": "refugees and displaced people",
	"MOD": "moderate",
	"RAD": "radical",
	"REL": "religious: clergy",
	"MUS": "Muslim",
	"CHR": "Christian",
	"JEW": "Jewish",
	"HIN": "Hindu",
	"BUD": "Buddhist",
}

// sectorsOf returns the three-letter chunks of code after skip chunks that
// are known sector codes.
func sectorsOf(code string, skip int) []string {
	var out []string
	for i, c := range chunks(code) {
		if i >= skip {
			if _, ok := Sectors[c]; ok {
				out = append(out, c)
			}
		}
	}
	return out
}
