// Word lists the attribution rules share. General English news usage, nothing keyed to a publisher or a name.

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Finite speech / thought verbs that credit words to a source. */
export const CUE_VERBS = words(`
  said says say told tells tell added adds noted notes argued argues warned warns claimed claims insisted insists
  explained explains wrote writes stated states declared declares announced announces acknowledged acknowledges
  admitted admits asked asks replied replies responded responds recalled recalls suggested suggests predicted predicts
  believes believe believed thinks think thought contended contends maintained maintains stressed stresses emphasized
  emphasizes tweeted tweets posted reported reports confirmed confirms complained complains charged charges alleged
  alleges testified testifies promised promises vowed vows conceded concedes observed cautioned countered quipped joked
  boasted agreed agrees estimated estimates concluded concludes continued continues explained hoped hopes feared fears
  expects expected knows knew indicated indicates acknowledged denied denies announced insisted urged urges
  pointed assured assures mused declared predicted shows showed found finds demanded demands wondered wonders
  shouted exclaimed remarked remarks reiterated reiterates lamented laments scoffed retorted pleaded yelled yells
  shouts chanted chant chants screamed accused accuses blamed blames criticized criticizes praised praises
  conceded acknowledged`);

/** Participles that introduce a quote after the main clause ("…, stating, “Q”"). */
export const CUE_PARTICIPLES = words('saying stating adding noting arguing warning declaring writing explaining insisting claiming telling asking calling');

/** Verbs that frame a quoted label: "denounced X as “Q”". */
export const LABEL_VERBS = words('denounced described called labeled labelled branded dismissed characterized characterised decried condemned derided blasted slammed dubbed denouncing describing calling labeling branding dismissing');
/** Label verbs that take the quoted label directly ("called X “Q”"), without "as". */
export const NAMING_VERBS = words('called calls calling dubbed dubs labeled labelled branded termed');

/** Nouns that carry a possessor's words: "Trump's declaration that “Q”". */
export const SPEECH_NOUNS = words('declaration statement claim claims warning remark remarks comment comments promise assertion vow pledge message announcement insistence argument');

/** Auxiliaries and adverbs between a source and its verb ("has also said"). */
export const BETWEEN_SOURCE_AND_CUE = words(`is are was were ’s 's has have had also later previously repeatedly once again then recently reportedly publicly privately
  often long would will already still never first further separately earlier flatly openly quickly simply angrily
  frequently immediately explicitly subsequently ultimately apparently`);

export const PRONOUN_SOURCES = words('he she they i we');

/** Common nouns that can head a source phrase ("officials", "a spokesman for X"). */
export const SOURCE_NOUNS = words(`official officials source sources spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers
  advisor advisors analyst analysts expert experts critic critics observer observers diplomat diplomats insider insiders
  person people staffer staffers strategist strategists lawyer lawyers attorney attorneys campaign administration
  department agency ministry government officer officers police report reports poll polls survey study statement
  memo letter document documents filing witnesses witness democrats republicans voters supporters lawmakers senator
  senators president secretary governor mayor director chairman chairwoman chair leader leaders member members
  spokesmen representatives representative candidate nominee economist economists researchers researcher scholars
  scientists investigators prosecutors prosecutor judge officials' commission committee group organization company
  firm team network newspaper paper magazine website site authorities military pentagon white house`);

/** Head nouns of unnamed sources. */
export const ANONYMOUS_NOUNS = words(`official officials source sources aide aides adviser advisers advisor advisors insider insiders person people
  staffer staffers diplomat diplomats observers analysts experts critics witnesses authorities officers spokesman
  spokeswoman spokesperson someone many some others members lawmakers`);

/** Words that end a source phrase when walking left from the cue (clause boundaries). */
export const CLAUSE_BREAKERS = words(`and but or because while when if as so after before though although since that which who whom whose where
  than whether until unless once yet nor then what how why`);

export const DETERMINERS = words('the a an this that these those his her their its our my your one two three several some many other another both each');

/** Words that open a reported clause after a cue. */
export const PREPOSITIONS = words('on in at during via through after before over from with to by for of about into under last this earlier');
