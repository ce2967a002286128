package places

// stopNames are place names that are also common words, given names or
// parts of organisation names. Find reports them only after a locative
// preposition ("in Reading", "at Split"); Dateline reads them anyway. The
// list began with the gazetteer's one-word names that occur in lower case
// in the English treebanks, plus names that news uses for people.
var stopNames = setOf(
	// Common words.
	"of", "much", "most", "best", "same", "name", "nice", "deal", "along",
	"man", "buy", "date", "young", "goes", "tank", "police", "opportunity",
	"reading", "normal", "male", "mission", "central", "bar", "bear",
	"green", "federal", "wedding", "salt", "tire", "surprise", "alliance",
	"manage", "university", "spring", "springs", "holiday", "tours", "split",
	"sake", "metro", "liberal", "sale", "gay", "worms", "pop", "orange",
	"liberty", "independence", "golden", "wai", "pace", "tame", "superior",
	"mobile", "boom", "retreat", "republic", "gap", "bay", "temple", "pen",
	"peer", "lens", "humble", "fleet", "delta", "cork", "walnut", "summit",
	"paradise", "marks", "hook", "bell", "ans", "bath", "union", "march",
	"hope", "eagle", "hull", "kill", "deal", "commerce", "progress",
	"victory", "unity", "concord", "providence", "justice", "industry",
	"enterprise", "opportunity", "pleasant", "grand", "mercedes",
	// Given names and surnames that news uses for people.
	"obama", "jackson", "lincoln", "wilson", "victoria", "florence",
	"marion", "charlotte", "austin", "douglas", "warren", "clinton",
	"franklin", "hamilton", "kent", "harrison", "madison", "monroe",
	"chester", "carson", "murray", "baker", "taylor", "troy", "vernon",
	"irving", "sherman", "gary", "aurora", "phoenix", "lafayette",
	"kim", "lee", "wang", "morsi", "oral", "palmer", "revere", "moro",
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// neverNames are never read as places in running text: months and
// weekdays ("in March"), organisations ("U.N.", "EU") and the names of
// continents that the gazetteer holds only as towns ("Asia").
var neverNames = setOf("january", "february", "march", "april", "may",
	"june", "july", "august", "september", "october", "november",
	"december", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "un", "eu", "au", "asia", "europe", "africa",
	"who", "nato", "opec", "university", "obama", "rubio")

// locatives are the prepositions that introduce the place of an event.
var locatives = setOf("in", "at", "near", "outside", "inside", "around",
	"across", "throughout", "within", "into", "from", "to", "toward",
	"towards", "via", "over", "off")

// eventLocatives are the locatives that say where something happened;
// "from", "to", "into" and "toward" name origins and goals instead.
var eventLocatives = setOf("in", "at", "near", "outside", "inside",
	"around", "across", "throughout", "within", "off")

// modifiers may precede a place name with a capital ("Northern Syria").
var modifiers = setOf("north", "south", "east", "west", "northern",
	"southern", "eastern", "western", "central", "northeastern",
	"northwestern", "southeastern", "southwestern", "upper", "lower",
	"greater", "downtown", "rural", "occupied", "in", "at", "near", "from",
	"to", "across", "outside", "inside", "the")

// followers may follow a place name with a capital ("Idlib Province",
// "Kabul Tuesday"); any other capitalised word after a name is read as part
// of a longer name ("New York Times", "Washington Post").
var followers = setOf("province", "governorate", "region", "district",
	"county", "oblast", "prefecture", "valley", "state", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "on", "and")
