/* coursekit: German search. Appended at build time to Material's lunr.de.min.js, so it runs
 * in the search worker after lunr's German stemmer is defined and before the index is built.
 *
 * One normalisation serves the index and the query:
 *   Führung, Fuehrung       -> fuehrung       (umlauts and ß folded to their ASCII spelling)
 *   Koordinatorinnen        -> koordinator    (feminine -in/-innen of person nouns)
 *   Konflikten, Wirkungen   -> konflikt, wirk (Snowball German stemmer from lunr-languages)
 * Material adds a trailing wildcard to every query term, which makes lunr skip the pipeline;
 * so the query clause is normalised here, keeping the wildcard for search-as-you-type.
 * Compound parts (Netzwerkkarte -> netzwerk, karte) are added to the index at build time in
 * the field `parts` (coursekit/search.py).
 * Ranking: pages with every query word first, exact words before prefixes, synonyms from the
 * glossary's `synonyms` groups at half weight; page weights come with the index (`boost`). */
(function (lunr) {
  "use strict";
  var snowball = lunr.de.stemmer;
  var FEMININE = /^(.{3,}(?:or|er|ent|ant|eur|ist|og|at))in(?:nen)?$/;

  // Memoised: the index repeats its words, and stemming each token anew is most of the
  // worker's start-up time.
  var seen = Object.create(null);
  function normalize(word) {
    var known = seen[word];
    if (known !== undefined) return known;
    var folded = word.toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .replace(FEMININE, "$1");
    return (seen[word] = snowball(folded));
  }

  var stemmer = function (token) {
    return token.update(function (word) { return normalize(word); });
  };
  lunr.Pipeline.registerFunction(stemmer, "stemmer-de-coursekit");
  lunr.de.stemmer = stemmer;
  lunr.de.normalize = normalize;

  // Stop words ("im", "und") would match every word starting with them once Material adds
  // its wildcard: leave them out of the query.
  function isStopWord(word) {
    return !lunr.de.stopWordFilter(word.toLowerCase());
  }

  var addClause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clause) {
    if (clause.usePipeline === false && /^[^*]+\*$/.test(clause.term || "")) {
      var word = clause.term.slice(0, -1);
      if (isStopWord(word)) return this;
      clause.term = normalize(word) + "*";
    }
    return addClause.call(this, clause);
  };

  // Synonym groups from the glossary (lunr.de.synonyms([...]) is appended at build time).
  var SYNONYMS = {};
  lunr.de.synonyms = function (groups) {
    groups.forEach(function (group) {
      var forms = group.map(function (w) { return normalize(w); });
      forms.forEach(function (form) {
        SYNONYMS[form] = (SYNONYMS[form] || []).concat(forms.filter(function (f) { return f !== form; }));
      });
    });
  };

  var EXACT = 5;      // an exact word counts five times a word that only starts with it
  var SYNONYM = 0.5;  // a synonym counts half the word itself
  var PREFIX = 0.2;   // a longer word that starts with a complete query word
  var MISSING = 0.01; // each query word a page lacks puts it behind the pages that have it

  // Ranking: the exact word and its synonyms join the query as extra clauses; afterwards every
  // page is pushed back by each query word it does not contain (all words before some).
  lunr.Index.prototype.search = function (queryString) {
    var words = [];
    var known = this.invertedIndex;
    var results = this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse();
      var clauses = query.clauses;
      query.clauses = [];
      clauses.forEach(function (c) {
        var whole = c.term.replace(/\*$/, "");
        // "netzwerk" is a word: then "netzwerkkarte" is a weaker match (the parts of compounds
        // are in the index already); an unknown start ("koordinat") stays a full prefix.
        if (whole !== c.term && known[whole]) c.boost = (c.boost || 1) * PREFIX;
        addClause.call(query, c);
        if (c.presence === lunr.Query.presence.PROHIBITED) return;
        var term = c.term.replace(/\*$/, "");
        var extra = [term].concat(SYNONYMS[term] || []);
        words.push(extra);
        extra.forEach(function (t, i) {
          addClause.call(query, {
            term: t, fields: c.fields, usePipeline: false, presence: c.presence,
            wildcard: lunr.Query.wildcard.NONE, boost: (c.boost || 1) * (i ? SYNONYM : EXACT)
          });
          if (i) {
            addClause.call(query, {
              term: t, fields: c.fields, usePipeline: false, presence: c.presence,
              wildcard: lunr.Query.wildcard.TRAILING, boost: (c.boost || 1) * SYNONYM
            });
          }
        });
      });
    });
    results.forEach(function (r) {
      var found = Object.keys(r.matchData.metadata);
      var missing = words.filter(function (forms) {
        return !found.some(function (k) {
          return forms.some(function (f) { return k.lastIndexOf(f, 0) === 0; });
        });
      }).length;
      r.score *= Math.pow(MISSING, missing);
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  };
})(lunr);
