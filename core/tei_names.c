/* tei_names.c - the element names of TEI P5 (Guidelines 4.8.0), for
 * `praxis check`'s "unknown element" warning.
 *
 * Written out from the Guidelines' element list, module by module
 * (analysis, certainty, cmc, core, corpus, dictionaries, drama, figures,
 * gaiji, header, iso-fs, linking, msdescription, namesdates, nets, spoken,
 * tagdocs, textcrit, textstructure, transcr, verse) and sorted in byte
 * order (C locale) for bsearch. Pre-standard names such as ISO drafts'
 * annotatedU or the CMC-SIG's posting are not TEI P5 and are reported.
 *
 * Also the names the importer gives a meaning, each with its element
 * (enum elem, tei_int.h), looked up once per name and parser.
 */
#include "tei_int.h"

#include <stdlib.h>
#include <string.h>

static const char *const tei_p5_elements[] = {
    "TEI", "ab", "abbr", "abstract", "accMat", "acquisition", "activity",
    "actor", "add", "addName", "addSpan", "additional", "additions",
    "addrLine", "address", "adminInfo", "affiliation", "age", "alt", "altGrp",
    "altIdent", "altIdentifier", "alternate", "am", "analytic", "anchor",
    "annotation", "annotationBlock", "anyElement", "app", "appInfo",
    "application", "arc", "argument", "att", "attDef", "attList", "attRef",
    "author", "authority", "availability", "back", "bibl", "biblFull",
    "biblScope", "biblStruct", "bicond", "binary", "binaryObject", "binding",
    "bindingDesc", "birth", "bloc", "body", "broadcast", "byline", "c",
    "cRefPattern", "caesura", "calendar", "calendarDesc", "camera", "caption",
    "case", "castGroup", "castItem", "castList", "catDesc", "catRef",
    "catchwords", "category", "cb", "cell", "certainty", "change", "channel",
    "char", "charDecl", "choice", "cit", "citeData", "citeStructure",
    "citedRange", "cl", "classCode", "classDecl", "classRef", "classSpec",
    "classes", "climate", "closer", "code", "collation", "collection",
    "colloc", "colophon", "cond", "condition", "constitution", "constraint",
    "constraintSpec", "content", "conversion", "corr", "correction",
    "correspAction", "correspContext", "correspDesc", "country", "creation",
    "custEvent", "custodialHist", "damage", "damageSpan", "dataFacet",
    "dataRef", "dataSpec", "datatype", "date", "dateline", "death",
    "decoDesc", "decoNote", "def", "default", "defaultVal", "del", "delSpan",
    "depth", "derivation", "desc", "dictScrap", "dim", "dimensions",
    "distinct", "distributor", "district", "div", "div1", "div2", "div3",
    "div4", "div5", "div6", "div7", "divGen", "docAuthor", "docDate",
    "docEdition", "docImprint", "docTitle", "domain", "eLeaf", "eTree",
    "edition", "editionStmt", "editor", "editorialDecl", "education", "eg",
    "egXML", "elementRef", "elementSpec", "ellipsis", "email", "emph",
    "empty", "encodingDesc", "entry", "entryFree", "epigraph", "epilogue",
    "equipment", "equiv", "etym", "event", "eventName", "ex", "exemplum",
    "expan", "explicit", "extent", "f", "fDecl", "fDescr", "fLib",
    "facsimile", "factuality", "faith", "figDesc", "figure", "fileDesc",
    "filiation", "finalRubric", "floatingText", "floruit", "foliation",
    "foreign", "forename", "forest", "form", "formula", "front", "fs",
    "fsConstraints", "fsDecl", "fsDescr", "fsdDecl", "fsdLink", "funder",
    "fvLib", "fw", "g", "gap", "gb", "gen", "genName", "gender", "geo",
    "geoDecl", "geogFeat", "geogName", "gi", "gloss", "glyph", "gram",
    "gramGrp", "graph", "graphic", "group", "handDesc", "handNote",
    "handNotes", "handShift", "head", "headItem", "headLabel", "height",
    "heraldry", "hi", "history", "hom", "hyph", "hyphenation", "iNode",
    "iType", "ident", "idno", "if", "iff", "imprimatur", "imprint",
    "incident", "incipit", "index", "institution", "interaction", "interp",
    "interpGrp", "interpretation", "item", "join", "joinGrp", "keywords",
    "kinesic", "l", "label", "lacunaEnd", "lacunaStart", "lang",
    "langKnowledge", "langKnown", "langUsage", "language", "layout",
    "layoutDesc", "lb", "lbl", "leaf", "lem", "lg", "licence", "line", "link",
    "linkGrp", "list", "listAnnotation", "listApp", "listBibl", "listChange",
    "listEvent", "listForest", "listNym", "listObject", "listOrg",
    "listPerson", "listPlace", "listPrefixDef", "listRef", "listRelation",
    "listTranspose", "listWit", "localProp", "locale", "location", "locus",
    "locusGrp", "m", "macroRef", "macroSpec", "mapping", "material",
    "measure", "measureGrp", "media", "meeting", "memberOf", "mentioned",
    "metDecl", "metSym", "metamark", "milestone", "mod", "model", "modelGrp",
    "modelSequence", "moduleRef", "moduleSpec", "monogr", "mood", "move",
    "msContents", "msDesc", "msFrag", "msIdentifier", "msItem",
    "msItemStruct", "msName", "msPart", "musicNotation", "name", "nameLink",
    "namespace", "nationality", "node", "normalization", "notatedMusic",
    "note", "noteGrp", "notesStmt", "num", "number", "numeric", "nym", "oRef",
    "object", "objectDesc", "objectIdentifier", "objectName", "objectType",
    "occupation", "offset", "opener", "org", "orgName", "orig", "origDate",
    "origPlace", "origin", "orth", "outputRendition", "p", "pRef", "param",
    "paramList", "paramSpec", "particDesc", "path", "pause", "pb", "pc",
    "per", "performance", "persName", "persPronouns", "person", "personGrp",
    "persona", "phr", "physDesc", "place", "placeName", "population", "pos",
    "post", "postBox", "postCode", "postscript", "precision", "prefixDef",
    "preparedness", "principal", "profileDesc", "projectDesc", "prologue",
    "pron", "provenance", "ptr", "pubPlace", "publicationStmt", "publisher",
    "punctuation", "purpose", "q", "quotation", "quote", "rb", "rdg",
    "rdgGrp", "re", "recordHist", "recording", "recordingStmt", "redo", "ref",
    "refState", "refsDecl", "reg", "region", "relatedItem", "relation",
    "remarks", "rendition", "repository", "residence", "resp", "respStmt",
    "respons", "restore", "retrace", "revisionDesc", "rhyme", "role",
    "roleDesc", "roleName", "root", "row", "rs", "rt", "rubric", "ruby", "s",
    "said", "salute", "samplingDecl", "schemaRef", "schemaSpec", "scriptDesc",
    "scriptNote", "scriptStmt", "seal", "sealDesc", "secFol", "secl", "seg",
    "segmentation", "sense", "sequence", "series", "seriesStmt", "set",
    "setting", "settingDesc", "settlement", "sex", "shift", "sic",
    "signatures", "signed", "soCalled", "socecStatus", "sound", "source",
    "sourceDesc", "sourceDoc", "sp", "spGrp", "space", "span", "spanGrp",
    "speaker", "specDesc", "specGrp", "specGrpRef", "specList", "sponsor",
    "stage", "stamp", "standOff", "state", "stdVals", "street", "stress",
    "string", "styleDefDecl", "subc", "subst", "substJoin", "summary",
    "superEntry", "supplied", "support", "supportDesc", "surface",
    "surfaceGrp", "surname", "surplus", "surrogates", "syll", "symbol",
    "table", "tag", "tagUsage", "tagsDecl", "taxonomy", "tech", "teiCorpus",
    "teiHeader", "term", "terrain", "text", "textClass", "textDesc",
    "textLang", "textNode", "then", "time", "timeline", "title", "titlePage",
    "titlePart", "titleStmt", "tns", "trailer", "trait", "transcriptionDesc",
    "transpose", "tree", "triangle", "typeDesc", "typeNote", "u", "unclear",
    "undo", "unicodeProp", "unihanProp", "unit", "unitDecl", "unitDef", "usg",
    "vAlt", "vColl", "vDefault", "vLabel", "vMerge", "vNot", "vRange", "val",
    "valDesc", "valItem", "valList", "variantEncoding", "view", "vocal", "w",
    "watermark", "when", "width", "wit", "witDetail", "witEnd", "witStart",
    "witness", "writing", "xenoData", "xr", "zone",
};

/* A name against an entry that begins with a name (a string, or a struct
 * whose first member is one). */
static int cmp_elem(const void *a, const void *b)
{
    return strcmp((const char *)a, *(const char *const *)b);
}

int px_tei_is_element(const char *name)
{
    return bsearch(name, tei_p5_elements, sizeof tei_p5_elements / sizeof tei_p5_elements[0],
                   sizeof tei_p5_elements[0], cmp_elem) != NULL;
}

size_t px_tei_element_count(void)
{
    return sizeof tei_p5_elements / sizeof tei_p5_elements[0];
}

const char *px_tei_element_name(size_t i)
{
    return i < px_tei_element_count() ? tei_p5_elements[i] : NULL;
}

/* The elements the importer reads, by name (byte order, for bsearch). */
static const struct { const char *name; enum elem e; } elem_names[] = {
    {"TEI", E_TEI}, {"ab", E_AB}, {"addressee", E_ADDRESSEE},
    {"affiliation", E_AFFILIATION}, {"age", E_AGE}, {"alt", E_ALT},
    {"anchor", E_ANCHOR}, {"annotatedU", E_ABLOCK},
    {"annotationBlock", E_ABLOCK}, {"annotationGrp", E_ABLOCK}, {"back", E_BACK},
    {"birth", E_BIRTH}, {"body", E_BODY}, {"castList", E_CASTLIST},
    {"creation", E_CREATION}, {"date", E_DATE}, {"desc", E_DESC}, {"div", E_DIV},
    {"div1", E_DIV1}, {"div2", E_DIV2}, {"div3", E_DIV3}, {"div4", E_DIV4},
    {"div5", E_DIV5}, {"div6", E_DIV6}, {"div7", E_DIV7}, {"event", E_EVENT},
    {"fileDesc", E_FILEDESC}, {"front", E_FRONT}, {"fs", E_FS}, {"gap", E_GAP},
    {"group", E_GROUP}, {"head", E_HEAD}, {"incident", E_INCIDENT},
    {"interp", E_INTERP}, {"interpGrp", E_INTERPGRP}, {"kinesic", E_KINESIC},
    {"l", E_L}, {"lb", E_LB}, {"lg", E_LG}, {"listEvent", E_LISTEVENT},
    {"listOrg", E_LISTORG}, {"listPerson", E_LISTPERSON}, {"name", E_NAME},
    {"note", E_NOTE}, {"org", E_ORG}, {"orgName", E_ORGNAME}, {"p", E_P},
    {"pause", E_PAUSE}, {"persName", E_PERSNAME}, {"person", E_PERSON},
    {"personGrp", E_PERSONGRP}, {"post", E_POST}, {"posting", E_POSTING},
    {"recording", E_RECORDING}, {"s", E_S}, {"seg", E_SEG},
    {"setting", E_SETTING}, {"sex", E_SEX}, {"shift", E_SHIFT}, {"sp", E_SP},
    {"span", E_SPAN}, {"spanGrp", E_SPANGRP}, {"speaker", E_SPEAKER},
    {"stage", E_STAGE}, {"standOff", E_STANDOFF}, {"teiCorpus", E_TEICORPUS},
    {"teiHeader", E_TEIHEADER}, {"text", E_TEXT}, {"timeline", E_TIMELINE},
    {"title", E_TITLE}, {"titleStmt", E_TITLESTMT}, {"u", E_U}, {"vocal", E_VOCAL},
    {"w", E_W}, {"when", E_WHEN},
};

enum elem tei_lookup_elem(const char *name)
{
    size_t n = sizeof elem_names / sizeof elem_names[0];
    const void *r = bsearch(name, elem_names, n, sizeof elem_names[0], cmp_elem);
    return r ? ((const __typeof__(elem_names[0]) *)r)->e : E_OTHER;
}

int px_tei_reads_element(const char *name) { return tei_lookup_elem(name) != E_OTHER; }
