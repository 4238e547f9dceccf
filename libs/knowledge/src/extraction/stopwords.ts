const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * Capitalized or all-caps words that name nothing: pronouns, function words and sentence openers
 * (capitalized only because they start a clause), chat shorthand, and calendar words (a weekday is
 * a date, not a subject). Lowercase; checked against the lowercased word.
 */
export const TOPIC_STOPWORDS: ReadonlySet<string> = new Set([
  ...words(`
    i me my mine we us our ours you your yours he him his she her hers they them their theirs it its
    this that these those there here who whom whose what which when where why how
    a an the some any all every each no not none both either neither other another such
    and or but nor so yet if then than because since while though although unless until whether
    as at by for from in into of off on onto out over to up with without about above after against
    before behind below between during through under via per
    am is are was were be been being do does did done have has had having will would shall should
    can could may might must let lets get got go going make made
    also just only even still maybe perhaps actually basically anyway anyways btw ps
    yes yeah yep yup no nope nah ok okay sure fine right well oh ah hmm hey hi hello dear
    thanks thank thx cheers welcome congrats congratulations kudos sorry please pls plz
    great good nice cool awesome perfect amazing wow lol haha omg
    everyone everybody anyone anybody someone somebody nobody everything anything something nothing
    team folks guys all
    update updates note notes reminder quick question questions heads fyi psa todo tbd tba wip eta
    decision decisions action item items agenda summary recap
    today tomorrow yesterday tonight morning afternoon evening night weekend weekday week month year
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    q1 q2 q3 q4 h1 h2 eod eow cob asap am pm utc
    ok lgtm sgtm imo imho afaik tldr tl iirc idk tbh rn np ty dm dms rsvp aka etc ie eg vs nb cc re fw fwd
    ooo afk brb nvm ack gm gn pr prs mr mrs ms dr prof sr jr
    one two three four five six seven eight nine ten
  `),
]);

/** Lowercase words that may join two capitalized words into one name ("Bank of America"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(words('of for and & de du da la le von van der del'));

/**
 * Words that carry grammar, not meaning: pronouns, determiners, question words, conjunctions,
 * prepositions, auxiliaries and modal verbs. No topic is made of them ("Can you", "this one").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  words(`
    i me my mine myself we us our ours you your yours he him his she her hers they them their theirs it its
    this that these those there here who whom whose what which when where why how
    a an the some any every each no not none both either neither such
    and or but nor so yet if then than because since while though although unless until whether
    as at by for from in into of off on onto out over to up with without about above after against
    before behind below between during through under via per
    am is are was were be been being do does did have has had having will would shall should
    can could may might must let lets won't can't don't doesn't didn't isn't aren't wasn't i'm i'll we'll you'll
    it's that's there's let's we're you're they're i've we've i'd we'd
  `),
);
