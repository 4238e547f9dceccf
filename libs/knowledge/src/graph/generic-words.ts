const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * Words that name a kind of thing, not one thing: "the API", "release", "docs" mean something different in
 * every sentence, so a name made only of them is never merged by similarity, and two names that differ in one
 * of them ("billing api" / "billing app") are different things. Singular, lowercase (compared by word stem).
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  words(`
    api app application service system server client endpoint sdk cli ui ux
    team squad group org department people user customer partner vendor
    project product platform feature component module library package tool script
    release version update change fix patch bug issue ticket task todo item story epic
    doc documentation note report page spec proposal rfc readme wiki
    meeting call sync standup retro demo review discussion question idea plan roadmap sprint
    backend frontend database db data code test deploy deployment build pipeline job worker cron
    config configuration setting environment env staging production prod dev local cluster node
    cache queue log metric alert dashboard monitoring incident outage
    migration integration process workflow repo repository branch file folder link
    channel thread message work thing stuff
    new old main next first last final current other general misc random
  `),
);
