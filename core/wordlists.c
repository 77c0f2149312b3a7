/* wordlists.c - stopwords and function words per language (see
 * px_wordlists.h for the form of a list and the categories).
 *
 * Each list is written for Praxis, in alphabetical order within a
 * category where that helps reading. Words are NFC and case-folded, so
 * German sharp s is written "ss". */
#include "px_wordlists.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* English                                                             */
/* ------------------------------------------------------------------ */

static const char en_articles[] = "a\0an\0the\0";

static const char en_auxiliary[] =
    "am\0are\0aren't\0be\0been\0being\0can\0can't\0cannot\0could\0couldn't\0"
    "did\0didn't\0do\0does\0doesn't\0don't\0had\0hadn't\0has\0hasn't\0have\0haven't\0"
    "having\0is\0isn't\0may\0might\0mightn't\0must\0mustn't\0need\0needn't\0ought\0"
    "shall\0shan't\0should\0shouldn't\0was\0wasn't\0were\0weren't\0will\0won't\0"
    "would\0wouldn't\0ain't\0"
    "i'm\0i've\0i'll\0i'd\0you're\0you've\0you'll\0you'd\0he's\0he'll\0he'd\0"
    "she's\0she'll\0she'd\0it's\0it'll\0we're\0we've\0we'll\0we'd\0they're\0they've\0"
    "they'll\0they'd\0that's\0there's\0what's\0who's\0";

static const char en_conjunctions[] =
    "although\0and\0as\0because\0but\0cos\0either\0if\0lest\0neither\0nor\0or\0"
    "since\0so\0than\0that\0though\0till\0unless\0until\0whereas\0whether\0while\0"
    "whilst\0yet\0";

static const char en_adverbs[] =
    "actually\0again\0almost\0already\0also\0always\0anyway\0away\0back\0basically\0"
    "certainly\0definitely\0else\0even\0ever\0exactly\0here\0how\0indeed\0just\0"
    "maybe\0now\0often\0only\0perhaps\0probably\0quite\0rather\0really\0simply\0"
    "sometimes\0soon\0still\0then\0there\0together\0too\0usually\0very\0well\0when\0"
    "where\0why\0";

static const char en_impersonal[] =
    "anybody\0anyone\0anything\0everybody\0everyone\0everything\0it\0it's\0its\0"
    "itself\0nobody\0no-one\0nothing\0somebody\0someone\0something\0that\0that's\0"
    "these\0this\0those\0what\0whatever\0what's\0which\0whichever\0who\0whoever\0"
    "whom\0whose\0";

static const char en_personal[] =
    "he\0her\0hers\0herself\0him\0himself\0his\0i\0me\0mine\0my\0myself\0our\0ours\0"
    "ourselves\0she\0their\0theirs\0them\0themself\0themselves\0they\0us\0we\0you\0"
    "your\0yours\0yourself\0yourselves\0y'all\0"
    "i'm\0i've\0i'll\0i'd\0you're\0you've\0you'll\0you'd\0he's\0he'll\0he'd\0"
    "she's\0she'll\0she'd\0we're\0we've\0we'll\0we'd\0they're\0they've\0they'll\0"
    "they'd\0let's\0";

static const char en_prepositions[] =
    "about\0above\0across\0after\0against\0along\0amid\0among\0amongst\0around\0as\0"
    "at\0before\0behind\0below\0beneath\0beside\0besides\0between\0beyond\0by\0"
    "despite\0down\0during\0except\0for\0from\0in\0inside\0into\0like\0near\0of\0"
    "off\0on\0onto\0out\0outside\0over\0past\0per\0since\0through\0throughout\0till\0"
    "to\0toward\0towards\0under\0underneath\0unlike\0until\0up\0upon\0via\0with\0"
    "within\0without\0";

static const char en_quantifiers[] =
    "all\0another\0any\0both\0each\0enough\0every\0few\0fewer\0half\0least\0less\0"
    "little\0lot\0lots\0many\0more\0most\0much\0multiple\0none\0plenty\0several\0"
    "some\0various\0whole\0";

static const char en_negations[] =
    "ain't\0aren't\0can't\0cannot\0couldn't\0didn't\0doesn't\0don't\0hadn't\0hasn't\0"
    "haven't\0isn't\0mightn't\0mustn't\0nah\0needn't\0neither\0never\0no\0nobody\0"
    "no-one\0none\0nope\0nor\0not\0nothing\0nowhere\0shan't\0shouldn't\0wasn't\0"
    "weren't\0won't\0wouldn't\0";

static const char en_stopwords[] =
    "a\0about\0above\0across\0after\0again\0against\0all\0almost\0along\0already\0"
    "also\0although\0always\0am\0among\0an\0and\0another\0any\0anybody\0anyone\0"
    "anything\0are\0aren't\0around\0as\0at\0away\0back\0be\0because\0been\0before\0"
    "being\0below\0between\0both\0but\0by\0can\0can't\0cannot\0could\0couldn't\0did\0"
    "didn't\0do\0does\0doesn't\0doing\0don't\0down\0during\0each\0either\0else\0"
    "enough\0even\0ever\0every\0everybody\0everyone\0everything\0few\0for\0from\0"
    "further\0get\0gets\0got\0had\0hadn't\0has\0hasn't\0have\0haven't\0having\0he\0"
    "he'd\0he'll\0he's\0her\0here\0hers\0herself\0him\0himself\0his\0how\0i\0i'd\0"
    "i'll\0i'm\0i've\0if\0in\0into\0is\0isn't\0it\0it'll\0it's\0its\0itself\0just\0"
    "least\0less\0let's\0many\0may\0me\0might\0mine\0more\0most\0much\0must\0my\0"
    "myself\0neither\0never\0no\0nobody\0none\0nor\0not\0nothing\0now\0of\0off\0"
    "often\0on\0once\0one\0only\0onto\0or\0other\0others\0ought\0our\0ours\0"
    "ourselves\0out\0over\0own\0per\0quite\0rather\0really\0same\0shall\0she\0she'd\0"
    "she'll\0she's\0should\0shouldn't\0since\0so\0some\0somebody\0someone\0something\0"
    "still\0such\0than\0that\0that's\0the\0their\0theirs\0them\0themselves\0then\0"
    "there\0there's\0these\0they\0they'd\0they'll\0they're\0they've\0this\0those\0"
    "though\0through\0thus\0till\0to\0too\0toward\0towards\0under\0unless\0until\0"
    "up\0upon\0us\0very\0via\0was\0wasn't\0we\0we'd\0we'll\0we're\0we've\0were\0"
    "weren't\0what\0what's\0whatever\0when\0where\0whether\0which\0while\0who\0"
    "who's\0whom\0whose\0why\0will\0with\0within\0without\0won't\0would\0wouldn't\0"
    "yet\0you\0you'd\0you'll\0you're\0you've\0your\0yours\0yourself\0yourselves\0";

/* ------------------------------------------------------------------ */
/* German                                                              */
/* ------------------------------------------------------------------ */

static const char de_articles[] =
    "der\0die\0das\0den\0dem\0des\0ein\0eine\0einen\0einem\0einer\0eines\0"
    "am\0ans\0aufs\0beim\0im\0ins\0vom\0zum\0zur\0";

static const char de_auxiliary[] =
    "sein\0bin\0bist\0ist\0sind\0seid\0war\0warst\0waren\0wart\0gewesen\0sei\0seist\0"
    "seien\0wäre\0wärst\0wären\0wärt\0"
    "haben\0habe\0hast\0hat\0habt\0hatte\0hattest\0hatten\0hattet\0gehabt\0hätte\0"
    "hättest\0hätten\0hättet\0"
    "werden\0werde\0wirst\0wird\0werdet\0wurde\0wurdest\0wurden\0wurdet\0geworden\0"
    "worden\0würde\0würdest\0würden\0würdet\0"
    "können\0kann\0kannst\0könnt\0konnte\0konntest\0konnten\0könnte\0könnten\0"
    "müssen\0muss\0musst\0müsst\0musste\0mussten\0müsste\0müssten\0"
    "dürfen\0darf\0darfst\0dürft\0durfte\0durften\0dürfte\0dürften\0"
    "sollen\0soll\0sollst\0sollt\0sollte\0solltest\0sollten\0"
    "wollen\0will\0willst\0wollt\0wollte\0wolltest\0wollten\0"
    "mögen\0mag\0magst\0mochte\0mochten\0möchte\0möchtest\0möchten\0";

static const char de_conjunctions[] =
    "aber\0als\0bevor\0bis\0da\0damit\0dass\0denn\0ehe\0entweder\0falls\0indem\0"
    "jedoch\0nachdem\0ob\0obgleich\0obwohl\0oder\0seitdem\0sobald\0sodass\0solange\0"
    "sondern\0sowie\0sowohl\0und\0während\0weder\0weil\0wenn\0wie\0wohingegen\0zumal\0";

static const char de_adverbs[] =
    "also\0auch\0bald\0bereits\0besonders\0dann\0darum\0daher\0damals\0danach\0"
    "deshalb\0deswegen\0doch\0dort\0eben\0eher\0eigentlich\0einfach\0etwa\0fast\0"
    "ganz\0gar\0genau\0gerade\0gleich\0halt\0hier\0immer\0irgendwie\0ja\0jetzt\0mal\0"
    "manchmal\0natürlich\0noch\0nun\0nur\0oft\0schon\0sehr\0so\0sogar\0sonst\0"
    "trotzdem\0überhaupt\0vielleicht\0wieder\0wirklich\0wohl\0ziemlich\0";

static const char de_impersonal[] =
    "alles\0das\0dies\0diese\0diesem\0diesen\0dieser\0dieses\0es\0etwas\0irgendetwas\0"
    "irgendwas\0irgendwer\0jemand\0jemandem\0jemanden\0jene\0jenem\0jenen\0jener\0"
    "jenes\0man\0nichts\0niemand\0was\0welche\0welchem\0welchen\0welcher\0welches\0"
    "wem\0wen\0wer\0wessen\0";

static const char de_personal[] =
    "ich\0mich\0mir\0mein\0meine\0meinem\0meinen\0meiner\0meines\0"
    "du\0dich\0dir\0dein\0deine\0deinem\0deinen\0deiner\0deines\0"
    "er\0ihn\0ihm\0sein\0seine\0seinem\0seinen\0seiner\0seines\0"
    "sie\0ihr\0ihre\0ihrem\0ihren\0ihrer\0ihres\0ihnen\0sich\0"
    "wir\0uns\0unser\0unsere\0unserem\0unseren\0unserer\0unseres\0"
    "euch\0euer\0eure\0eurem\0euren\0eurer\0eures\0";

static const char de_prepositions[] =
    "ab\0an\0anstatt\0auf\0aus\0ausser\0ausserhalb\0bei\0bis\0dank\0durch\0entlang\0"
    "für\0gegen\0gegenüber\0hinter\0in\0innerhalb\0mit\0nach\0neben\0ohne\0samt\0"
    "seit\0statt\0trotz\0über\0um\0unter\0von\0vor\0während\0wegen\0zu\0zwischen\0"
    "am\0ans\0aufs\0beim\0durchs\0fürs\0im\0ins\0übers\0ums\0vom\0zum\0zur\0";

static const char de_quantifiers[] =
    "all\0alle\0allem\0allen\0aller\0alles\0beide\0beiden\0einige\0einigen\0einiger\0"
    "etliche\0etwas\0genug\0jede\0jedem\0jeden\0jeder\0jedes\0manche\0manchen\0"
    "mancher\0mehr\0mehrere\0meisten\0paar\0sämtliche\0viel\0viele\0vielen\0vieles\0"
    "wenig\0wenige\0wenigen\0weniger\0";

static const char de_negations[] =
    "kein\0keine\0keinem\0keinen\0keiner\0keines\0nein\0nicht\0nichts\0nie\0niemals\0"
    "niemand\0nirgends\0nirgendwo\0weder\0";

static const char de_stopwords[] =
    "ab\0aber\0alle\0allem\0allen\0aller\0alles\0als\0also\0am\0an\0ans\0auch\0auf\0"
    "aufs\0aus\0ausser\0bei\0beim\0bin\0bis\0bist\0da\0dabei\0dafür\0daher\0damit\0"
    "dann\0daran\0darauf\0darin\0darum\0das\0dass\0dazu\0dein\0deine\0deinem\0deinen\0"
    "deiner\0dem\0den\0denn\0der\0des\0deshalb\0dich\0die\0dies\0diese\0diesem\0"
    "diesen\0dieser\0dieses\0dir\0doch\0dort\0du\0durch\0ein\0eine\0einem\0einen\0"
    "einer\0eines\0einige\0er\0es\0etwas\0euch\0euer\0eure\0für\0gegen\0gewesen\0"
    "hab\0habe\0haben\0hat\0hatte\0hatten\0hätte\0hier\0hin\0ich\0ihm\0ihn\0ihnen\0"
    "ihr\0ihre\0ihrem\0ihren\0ihrer\0im\0immer\0in\0ins\0ist\0ja\0jede\0jedem\0"
    "jeden\0jeder\0jetzt\0kann\0kein\0keine\0keinem\0keinen\0können\0könnte\0man\0"
    "manche\0mehr\0mein\0meine\0meinem\0meinen\0meiner\0mich\0mir\0mit\0muss\0nach\0"
    "nicht\0nichts\0noch\0nun\0nur\0ob\0oder\0ohne\0schon\0sehr\0sein\0seine\0"
    "seinem\0seinen\0seiner\0seit\0sich\0sie\0sind\0so\0soll\0sollte\0sondern\0um\0"
    "und\0uns\0unser\0unsere\0unter\0viel\0viele\0vom\0von\0vor\0war\0waren\0was\0"
    "weil\0welche\0welcher\0wenn\0wer\0werde\0werden\0wie\0wieder\0will\0wir\0wird\0"
    "wo\0wollen\0wurde\0wurden\0würde\0zu\0zum\0zur\0über\0";

/* ------------------------------------------------------------------ */
/* French                                                              */
/* ------------------------------------------------------------------ */

static const char fr_articles[] = "au\0aux\0des\0du\0la\0le\0les\0un\0une\0";

static const char fr_auxiliary[] =
    "être\0suis\0es\0est\0sommes\0êtes\0sont\0étais\0était\0étions\0étiez\0étaient\0"
    "été\0serai\0seras\0sera\0serons\0serez\0seront\0serais\0serait\0serions\0seriez\0"
    "seraient\0sois\0soit\0soyons\0soyez\0soient\0fut\0"
    "avoir\0ai\0as\0a\0avons\0avez\0ont\0avais\0avait\0avions\0aviez\0avaient\0eu\0"
    "aurai\0auras\0aura\0aurons\0aurez\0auront\0aurais\0aurait\0aurions\0auriez\0"
    "auraient\0aie\0aies\0ait\0ayons\0ayez\0aient\0eut\0"
    "pouvoir\0peux\0peut\0pouvons\0pouvez\0peuvent\0pouvait\0pourrait\0pourrais\0pu\0"
    "devoir\0dois\0doit\0devons\0devez\0doivent\0devait\0devrait\0devrais\0dû\0"
    "vais\0vas\0va\0allons\0allez\0vont\0faut\0fallait\0faudrait\0"
    "c'est\0c'était\0j'ai\0n'est\0";

static const char fr_conjunctions[] =
    "car\0comme\0donc\0et\0lorsque\0mais\0ni\0or\0ou\0parce\0puisque\0quand\0que\0"
    "quoique\0si\0tandis\0qu'il\0qu'elle\0qu'ils\0qu'elles\0qu'on\0s'il\0";

static const char fr_adverbs[] =
    "ainsi\0alors\0aussi\0bien\0bientôt\0comment\0déjà\0effectivement\0encore\0enfin\0"
    "ensuite\0évidemment\0ici\0justement\0là\0maintenant\0même\0où\0parfois\0"
    "peut-être\0plutôt\0pourquoi\0presque\0probablement\0puis\0seulement\0simplement\0"
    "souvent\0surtout\0sûrement\0tard\0tellement\0tôt\0toujours\0très\0vite\0voilà\0"
    "vraiment\0d'ailleurs\0";

static const char fr_impersonal[] =
    "ça\0ce\0ceci\0cela\0celle\0celles\0celui\0ceux\0chacun\0chacune\0dont\0en\0"
    "laquelle\0lequel\0lesquelles\0lesquels\0on\0quelqu'un\0qui\0quoi\0rien\0tout\0"
    "y\0c'est\0c'était\0";

static const char fr_personal[] =
    "je\0me\0moi\0mon\0ma\0mes\0moi-même\0tu\0te\0toi\0ton\0ta\0tes\0toi-même\0il\0"
    "lui\0son\0sa\0ses\0lui-même\0elle\0elle-même\0se\0soi\0nous\0notre\0nos\0"
    "nous-mêmes\0vous\0votre\0vos\0vous-même\0vous-mêmes\0ils\0elles\0leur\0leurs\0"
    "eux\0eux-mêmes\0elles-mêmes\0j'ai\0qu'il\0qu'elle\0qu'ils\0qu'elles\0s'il\0";

static const char fr_prepositions[] =
    "à\0après\0au\0aux\0avant\0avec\0chez\0contre\0dans\0de\0depuis\0derrière\0des\0"
    "devant\0dès\0du\0en\0entre\0envers\0hors\0jusqu'à\0jusqu'au\0malgré\0par\0parmi\0"
    "pendant\0pour\0près\0sans\0sauf\0selon\0sous\0sur\0vers\0";

static const char fr_quantifiers[] =
    "assez\0autant\0beaucoup\0certaines\0certains\0chaque\0davantage\0moins\0"
    "nombreuses\0nombreux\0peu\0plupart\0plus\0plusieurs\0quelque\0quelques\0tant\0"
    "tous\0tout\0toute\0toutes\0trop\0";

static const char fr_negations[] =
    "aucun\0aucune\0guère\0jamais\0ne\0ni\0non\0nul\0nulle\0nullement\0pas\0personne\0"
    "rien\0n'a\0n'ai\0n'est\0n'y\0";

static const char fr_stopwords[] =
    "à\0ai\0aie\0ainsi\0alors\0as\0au\0aussi\0autre\0autres\0aux\0avait\0avant\0avec\0"
    "avez\0avoir\0bien\0c'est\0c'était\0ça\0car\0ce\0ceci\0cela\0celle\0celui\0ces\0"
    "cet\0cette\0ceux\0chaque\0chez\0comme\0comment\0d'un\0d'une\0dans\0de\0depuis\0"
    "des\0déjà\0donc\0dont\0du\0elle\0elles\0en\0encore\0entre\0es\0est\0et\0été\0"
    "être\0eu\0eux\0faire\0fait\0il\0ils\0j'ai\0je\0jusqu'à\0l'on\0la\0là\0le\0les\0"
    "leur\0leurs\0lui\0ma\0mais\0me\0même\0mes\0moi\0mon\0n'est\0ne\0ni\0nos\0notre\0"
    "nous\0on\0ont\0ou\0où\0par\0parce\0pas\0peu\0peut\0plus\0pour\0pourquoi\0qu'il\0"
    "qu'elle\0qu'on\0quand\0que\0quel\0quelle\0quelles\0quels\0qui\0quoi\0s'il\0sa\0"
    "sans\0se\0ses\0si\0son\0sont\0sous\0suis\0sur\0ta\0te\0tes\0toi\0ton\0tous\0"
    "tout\0toute\0toutes\0très\0tu\0un\0une\0vers\0voilà\0vos\0votre\0vous\0y\0";

/* ------------------------------------------------------------------ */
/* Spanish                                                             */
/* ------------------------------------------------------------------ */

static const char es_articles[] = "al\0del\0el\0la\0las\0lo\0los\0un\0una\0unas\0unos\0";

static const char es_auxiliary[] =
    "haber\0he\0has\0ha\0hemos\0habéis\0han\0había\0habías\0habíamos\0habíais\0"
    "habían\0habido\0hubo\0habrá\0habría\0habrían\0hubiera\0hubieran\0haya\0hayan\0hay\0"
    "ser\0soy\0eres\0es\0somos\0sois\0son\0era\0eras\0éramos\0erais\0eran\0fue\0fui\0"
    "fuimos\0fueron\0sido\0será\0serán\0sería\0sea\0sean\0fuera\0"
    "estar\0estoy\0estás\0está\0estamos\0estáis\0están\0estaba\0estaban\0estado\0"
    "estuvo\0esté\0"
    "poder\0puedo\0puedes\0puede\0podemos\0pueden\0podía\0podría\0pudo\0"
    "deber\0debo\0debe\0deben\0debería\0voy\0vas\0va\0vamos\0van\0";

static const char es_conjunctions[] =
    "aunque\0como\0conque\0cuando\0e\0mientras\0ni\0o\0pero\0porque\0pues\0que\0si\0"
    "sino\0u\0y\0";

static const char es_adverbs[] =
    "acá\0además\0ahí\0ahora\0allá\0allí\0antes\0apenas\0aquí\0así\0aún\0bien\0casi\0"
    "claro\0cómo\0cuándo\0después\0dónde\0entonces\0exactamente\0incluso\0luego\0mal\0"
    "probablemente\0pronto\0quizá\0quizás\0realmente\0seguramente\0siempre\0"
    "simplemente\0siquiera\0solo\0sólo\0también\0tan\0tarde\0temprano\0todavía\0ya\0";

static const char es_impersonal[] =
    "algo\0aquel\0aquella\0aquellas\0aquello\0aquellos\0cual\0cuál\0cuales\0cuáles\0"
    "cualquiera\0esa\0esas\0ese\0eso\0esos\0esta\0estas\0este\0esto\0estos\0alguien\0"
    "nada\0nadie\0qué\0quien\0quién\0quienes\0quiénes\0";

static const char es_personal[] =
    "yo\0me\0mí\0mi\0mis\0mío\0mía\0míos\0mías\0conmigo\0tú\0te\0ti\0tu\0tus\0tuyo\0"
    "tuya\0tuyos\0tuyas\0contigo\0usted\0ustedes\0él\0ella\0ellos\0ellas\0le\0les\0"
    "se\0su\0sus\0suyo\0suya\0suyos\0suyas\0consigo\0nosotros\0nosotras\0nos\0nuestro\0"
    "nuestra\0nuestros\0nuestras\0vosotros\0vosotras\0os\0vuestro\0vuestra\0vuestros\0"
    "vuestras\0";

static const char es_prepositions[] =
    "a\0al\0ante\0bajo\0con\0contra\0de\0del\0desde\0durante\0en\0entre\0excepto\0"
    "hacia\0hasta\0mediante\0para\0por\0salvo\0según\0sin\0sobre\0tras\0";

static const char es_quantifiers[] =
    "algún\0alguna\0algunas\0alguno\0algunos\0ambas\0ambos\0bastante\0bastantes\0"
    "cada\0cualquier\0demasiada\0demasiadas\0demasiado\0demasiados\0más\0menos\0"
    "mucha\0muchas\0mucho\0muchos\0poca\0pocas\0poco\0pocos\0suficiente\0"
    "suficientes\0tanta\0tantas\0tanto\0tantos\0toda\0todas\0todo\0todos\0varias\0"
    "varios\0";

static const char es_negations[] =
    "jamás\0nada\0nadie\0ni\0ningún\0ninguna\0ninguno\0no\0nunca\0tampoco\0";

static const char es_stopwords[] =
    "a\0al\0algo\0algún\0alguna\0algunas\0alguno\0algunos\0ante\0antes\0aquel\0"
    "aquella\0aquello\0aquí\0así\0aunque\0bien\0cada\0como\0con\0contra\0cual\0"
    "cuando\0de\0del\0desde\0donde\0durante\0e\0el\0él\0ella\0ellas\0ellos\0en\0"
    "entonces\0entre\0era\0eran\0es\0esa\0esas\0ese\0eso\0esos\0esta\0está\0estaba\0"
    "estamos\0están\0estar\0estas\0este\0esto\0estos\0estoy\0fue\0fueron\0ha\0había\0"
    "han\0hasta\0hay\0he\0hemos\0la\0las\0le\0les\0lo\0los\0más\0me\0mi\0mis\0mismo\0"
    "muy\0nada\0ni\0no\0nos\0nosotros\0nuestra\0nuestro\0o\0os\0otra\0otras\0otro\0"
    "otros\0para\0pero\0poco\0por\0porque\0pues\0que\0qué\0quien\0se\0sea\0ser\0si\0"
    "sí\0sido\0sin\0sobre\0son\0su\0sus\0también\0tan\0tanto\0te\0tiene\0tienen\0"
    "todo\0todos\0tu\0tú\0tus\0un\0una\0unas\0uno\0unos\0usted\0ustedes\0va\0vosotros\0"
    "y\0ya\0yo\0";

/* ------------------------------------------------------------------ */
/* Catalan                                                             */
/* ------------------------------------------------------------------ */

static const char ca_articles[] =
    "el\0la\0els\0les\0un\0una\0uns\0unes\0al\0als\0del\0dels\0pel\0pels\0";

static const char ca_auxiliary[] =
    "haver\0he\0has\0ha\0hem\0heu\0han\0havia\0havies\0havíem\0havíeu\0havien\0hagut\0"
    "haurà\0hauria\0hagi\0hagués\0"
    "ser\0ésser\0sóc\0soc\0ets\0és\0som\0sou\0són\0era\0eres\0érem\0éreu\0eren\0fou\0"
    "estat\0serà\0seria\0sigui\0siguin\0"
    "vaig\0vas\0va\0vam\0vàrem\0vau\0vàreu\0van\0"
    "estar\0estic\0estàs\0està\0estem\0esteu\0estan\0estava\0estaven\0"
    "poder\0puc\0pots\0pot\0podem\0podeu\0poden\0podia\0podria\0";

static const char ca_conjunctions[] =
    "ans\0com\0doncs\0i\0mentre\0ni\0o\0perquè\0però\0quan\0que\0si\0sinó\0";

static const char ca_adverbs[] =
    "abans\0ahir\0aleshores\0allà\0allí\0aquí\0ara\0així\0aviat\0bé\0ben\0clar\0"
    "després\0encara\0gairebé\0ja\0llavors\0malament\0més\0només\0on\0potser\0"
    "probablement\0realment\0segurament\0sempre\0simplement\0tan\0també\0tard\0";

static const char ca_impersonal[] =
    "algú\0allò\0aquell\0aquella\0aquelles\0aquells\0aquest\0aquesta\0aquestes\0"
    "aquests\0això\0hi\0ho\0hom\0ningú\0qual\0quals\0què\0qui\0quin\0quina\0quines\0"
    "quins\0res\0";

static const char ca_personal[] =
    "jo\0mi\0em\0me\0meu\0meva\0meus\0meves\0tu\0et\0te\0teu\0teva\0teus\0teves\0ell\0"
    "ella\0ells\0elles\0li\0es\0se\0seu\0seva\0seus\0seves\0nosaltres\0ens\0nostre\0"
    "nostra\0nostres\0vosaltres\0us\0vos\0vostre\0vostra\0vostres\0vostè\0vostès\0";

static const char ca_prepositions[] =
    "a\0al\0als\0amb\0contra\0damunt\0davant\0darrere\0de\0del\0dels\0des\0dins\0"
    "durant\0en\0entre\0envers\0excepte\0fins\0fora\0malgrat\0mitjançant\0pel\0pels\0"
    "per\0segons\0sense\0sobre\0sota\0vers\0";

static const char ca_quantifiers[] =
    "algun\0alguna\0algunes\0alguns\0ambdós\0ambdues\0bastant\0bastants\0cada\0"
    "cadascun\0cadascuna\0diverses\0diversos\0força\0gaire\0gaires\0massa\0menys\0"
    "més\0molt\0molta\0moltes\0molts\0poc\0poca\0pocs\0poques\0prou\0qualsevol\0"
    "tant\0tanta\0tantes\0tants\0tot\0tota\0totes\0tots\0";

static const char ca_negations[] =
    "cap\0enlloc\0gens\0mai\0ni\0ningú\0no\0pas\0res\0tampoc\0";

static const char ca_stopwords[] =
    "a\0abans\0això\0al\0algun\0alguna\0algunes\0alguns\0als\0allò\0amb\0aquell\0"
    "aquella\0aquelles\0aquells\0aquest\0aquesta\0aquestes\0aquests\0aquí\0ara\0"
    "així\0bé\0cada\0cap\0com\0contra\0d'aquest\0d'això\0d'un\0d'una\0de\0del\0dels\0"
    "des\0després\0doncs\0el\0ell\0ella\0elles\0ells\0els\0em\0en\0ens\0entre\0era\0"
    "és\0es\0està\0estat\0et\0fa\0fer\0fins\0ha\0han\0havia\0he\0hi\0ho\0i\0ja\0jo\0"
    "la\0les\0li\0llavors\0mai\0massa\0me\0meu\0meva\0més\0mi\0molt\0molta\0"
    "moltes\0molts\0n'hi\0ni\0no\0nosaltres\0nostre\0nostra\0o\0on\0per\0perquè\0"
    "però\0poc\0pot\0que\0què\0qui\0res\0s'ha\0se\0sense\0ser\0seu\0seva\0si\0sí\0"
    "sobre\0som\0són\0sota\0també\0tan\0tant\0te\0tenir\0teu\0tot\0tota\0totes\0tots\0"
    "tu\0un\0una\0unes\0uns\0us\0va\0van\0vaig\0vosaltres\0vostè\0";

/* ------------------------------------------------------------------ */
/* Galician                                                            */
/* ------------------------------------------------------------------ */

/* contractions of a preposition and an article, listed under both */
#define GL_CONTRACTIONS \
    "á\0ao\0aos\0ás\0co\0coa\0coas\0cos\0cun\0cunha\0cunhas\0cuns\0da\0das\0do\0" \
    "dos\0dun\0dunha\0dunhas\0duns\0na\0nas\0no\0nos\0nun\0nunha\0nunhas\0nuns\0" \
    "pola\0polas\0polo\0polos\0"

static const char gl_articles[] = "a\0as\0o\0os\0un\0unha\0unhas\0uns\0" GL_CONTRACTIONS;

static const char gl_auxiliary[] =
    "ser\0son\0es\0é\0somos\0sodes\0era\0eras\0eramos\0erades\0eran\0foi\0fun\0"
    "foron\0sido\0será\0sería\0sexa\0sexan\0fose\0"
    "estar\0estou\0estás\0está\0estamos\0estades\0están\0estaba\0estaban\0estivo\0"
    "estado\0"
    "haber\0hai\0había\0houbo\0haberá\0habería\0haxa\0"
    "ter\0teño\0tes\0ten\0temos\0tedes\0teñen\0tiña\0tiñan\0tivo\0"
    "poder\0podo\0podes\0pode\0podemos\0podedes\0poden\0podía\0podería\0puido\0"
    "deber\0debo\0debe\0deben\0debería\0"
    "vou\0vas\0vai\0imos\0ides\0van\0ía\0";

static const char gl_conjunctions[] =
    "cando\0como\0e\0logo\0mais\0mentres\0nin\0ou\0pero\0pois\0porque\0que\0se\0"
    "senón\0";

static const char gl_adverbs[] =
    "acolá\0agora\0aí\0aínda\0alí\0antes\0aquí\0así\0axiña\0ben\0case\0cedo\0claro\0"
    "despois\0entón\0mal\0máis\0mesmo\0moi\0onde\0quizais\0realmente\0seica\0sempre\0"
    "só\0soamente\0talvez\0tamén\0tan\0tarde\0xa\0";

static const char gl_impersonal[] =
    "algo\0alguén\0aquel\0aquela\0aquelas\0aqueles\0aquilo\0cal\0cales\0calquera\0"
    "esa\0esas\0ese\0eses\0esta\0estas\0este\0estes\0iso\0isto\0nada\0ninguén\0que\0"
    "quen\0se\0";

static const char gl_personal[] =
    "eu\0me\0min\0meu\0miña\0meus\0miñas\0comigo\0ti\0te\0che\0teu\0túa\0teus\0túas\0"
    "contigo\0el\0ela\0eles\0elas\0lle\0lles\0seu\0súa\0seus\0súas\0si\0consigo\0"
    "nós\0nos\0noso\0nosa\0nosos\0nosas\0connosco\0vós\0vos\0voso\0vosa\0vosos\0vosas\0"
    "convosco\0vostede\0vostedes\0";

static const char gl_prepositions[] =
    "a\0agás\0ante\0ata\0baixo\0cara\0con\0contra\0de\0dende\0desde\0durante\0en\0"
    "entre\0malia\0mediante\0para\0por\0salvo\0segundo\0sen\0sobre\0tras\0"
    GL_CONTRACTIONS;

static const char gl_quantifiers[] =
    "abondo\0algún\0algunha\0algunhas\0algúns\0ambas\0ambos\0bastante\0bastantes\0"
    "cada\0calquera\0demasiada\0demasiadas\0demasiado\0demasiados\0máis\0menos\0"
    "moita\0moitas\0moito\0moitos\0pouca\0poucas\0pouco\0poucos\0tanta\0tantas\0"
    "tanto\0tantos\0toda\0todas\0todo\0todos\0varias\0varios\0";

static const char gl_negations[] =
    "nada\0nin\0ningún\0ningunha\0ninguén\0non\0nunca\0tampouco\0xamais\0";

static const char gl_stopwords[] =
    "a\0á\0agora\0aínda\0algo\0algún\0alguén\0ao\0aos\0aquel\0aquela\0aquí\0as\0ás\0"
    "así\0ben\0cada\0cando\0co\0coa\0como\0con\0cun\0cunha\0da\0das\0de\0dende\0"
    "desde\0despois\0do\0dos\0dun\0dunha\0e\0é\0el\0ela\0elas\0eles\0en\0entre\0"
    "era\0es\0esa\0ese\0iso\0está\0estaba\0este\0estar\0eu\0foi\0hai\0isto\0lle\0lles\0"
    "logo\0máis\0mais\0me\0meu\0miña\0moi\0moito\0na\0nada\0nas\0nin\0no\0non\0nos\0"
    "nós\0noso\0nosa\0nun\0nunha\0o\0onde\0os\0ou\0para\0pero\0pola\0polo\0por\0"
    "porque\0pode\0que\0quen\0se\0sen\0ser\0seu\0si\0só\0sobre\0son\0súa\0tamén\0"
    "tan\0te\0teu\0ten\0ter\0ti\0todo\0todos\0un\0unha\0vai\0vostede\0xa\0";

/* ------------------------------------------------------------------ */
/* The table and the lookups                                           */
/* ------------------------------------------------------------------ */

static const px_wordlists wordlists[] = {
    {"en", "English", "en\0eng\0", en_stopwords,
     {en_articles, en_auxiliary, en_conjunctions, en_adverbs, en_impersonal, en_personal,
      en_prepositions, en_quantifiers, en_negations}},
    {"de", "German", "de\0deu\0ger\0", de_stopwords,
     {de_articles, de_auxiliary, de_conjunctions, de_adverbs, de_impersonal, de_personal,
      de_prepositions, de_quantifiers, de_negations}},
    {"fr", "French", "fr\0fra\0fre\0", fr_stopwords,
     {fr_articles, fr_auxiliary, fr_conjunctions, fr_adverbs, fr_impersonal, fr_personal,
      fr_prepositions, fr_quantifiers, fr_negations}},
    {"es", "Spanish", "es\0spa\0", es_stopwords,
     {es_articles, es_auxiliary, es_conjunctions, es_adverbs, es_impersonal, es_personal,
      es_prepositions, es_quantifiers, es_negations}},
    {"ca", "Catalan", "ca\0cat\0", ca_stopwords,
     {ca_articles, ca_auxiliary, ca_conjunctions, ca_adverbs, ca_impersonal, ca_personal,
      ca_prepositions, ca_quantifiers, ca_negations}},
    {"gl", "Galician", "gl\0glg\0", gl_stopwords,
     {gl_articles, gl_auxiliary, gl_conjunctions, gl_adverbs, gl_impersonal, gl_personal,
      gl_prepositions, gl_quantifiers, gl_negations}},
};

static const char *const category_names[PX_FW_NCATEGORIES] = {
    "articles", "auxiliary_verbs", "conjunctions", "adverbs", "impersonal_pronouns",
    "personal_pronouns", "prepositions", "quantifiers", "negations",
};

const px_wordlists *px_wordlists_at(size_t i)
{
    return i < sizeof wordlists / sizeof *wordlists ? &wordlists[i] : NULL;
}

const px_wordlists *px_wordlists_find(const char *tag)
{
    if (!tag) return NULL;
    /* the primary subtag, lowered: letters up to '-' or '_' */
    char primary[9];
    size_t n = 0;
    for (; tag[n] && tag[n] != '-' && tag[n] != '_'; n++) {
        char c = tag[n];
        if (n + 1 >= sizeof primary) return NULL;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c < 'a' || c > 'z') return NULL;
        primary[n] = c;
    }
    if (n == 0) return NULL;
    primary[n] = '\0';
    for (size_t i = 0; i < sizeof wordlists / sizeof *wordlists; i++)
        if (px_wordlist_has(wordlists[i].codes, primary)) return &wordlists[i];
    return NULL;
}

const char *px_fw_category_name(px_fw_category c)
{
    return (unsigned)c < PX_FW_NCATEGORIES ? category_names[c] : NULL;
}

int px_fw_category_find(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < PX_FW_NCATEGORIES; i++)
        if (!strcmp(category_names[i], name)) return i;
    return -1;
}

size_t px_wordlist_count(const char *list)
{
    size_t n = 0;
    if (list)
        for (const char *w = list; *w; w += strlen(w) + 1) n++;
    return n;
}

int px_wordlist_has(const char *list, const char *word)
{
    if (!list || !word) return 0;
    for (const char *w = list; *w; w += strlen(w) + 1)
        if (!strcmp(w, word)) return 1;
    return 0;
}
