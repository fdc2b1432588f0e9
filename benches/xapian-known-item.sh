#!/usr/bin/env bash
# Known-item ranking, archiv against Xapian, in one run: the 240 queries of
# tests/fixtures/real/queries.tsv over the 1,028 articles of
# ../shared/corpora/10kgnad-test.csv (written as agency copy exactly as
# tests/real_ranking.rs and benches/archive.rs write them), words OR-ed,
# the article behind each query the one right answer. Prints MRR@10 and
# success@1 for the development and the held-back part, side by side.
# Aggregates only: per-query ranks are in `cargo test --test real_ranking`
# (development part only).
#
# Xapian: Debian packages xapian-omega (omindex) and xapian-tools (quest),
# German Snowball stemmer on both sides (`omindex --stemmer=german`,
# `quest -s german`), quest's defaults otherwise (BM25, default operator
# OR). Xapian's query parser stems only words that do not start with a
# capital letter (STEM_SOME), which in German leaves most nouns unstemmed;
# the script therefore runs the queries twice: as typed, and lowercased
# (every word stemmed).
#
# Usage: benches/xapian-known-item.sh [WORK_DIR]   (default target/xapian-known-item)
set -euo pipefail
export LC_ALL=C.UTF-8

root=$(cd "$(dirname "$0")/.." && pwd)
csv="$root/../shared/corpora/10kgnad-test.csv"
work=${1:-$root/target/xapian-known-item}
depth=10

if [[ ! -f $csv ]]; then
    echo "skipped: $csv not found (the real-text sets need ../shared)" >&2
    exit 0
fi
for tool in omindex quest; do
    if ! command -v "$tool" >/dev/null; then
        echo "skipped: $tool not installed (apt-get install xapian-omega xapian-tools)" >&2
        exit 0
    fi
done

(cd "$root" && cargo build --release --quiet)
archiv="$root/target/release/archiv"

rm -rf "$work"
mkdir -p "$work/corpus"
# Article N is line N (0-based): the text after the first `;`, trimmed,
# enclosing single quotes stripped, `''` read as `'`.
awk -v out="$work/corpus" '
    {
        i = index($0, ";")
        if (i == 0) next
        body = substr($0, i + 1)
        gsub(/^[ \t\r]+|[ \t\r]+$/, "", body)
        gsub(/^'\''+|'\''+$/, "", body)
        gsub(/'\'\''/, "'\''", body)
        file = sprintf("%s/%05d.txt", out, NR - 1)
        printf " date 2016-01-01 WIEN (APA) - %s", body > file
        close(file)
    }' "$csv"

"$archiv" --index "$work/archiv-index" index --quiet "$work/corpus"
omindex --db "$work/xapian-db" --url / --stemmer=german "$work/corpus" >/dev/null

# split of each ranking article: dev or held
declare -A split
while IFS=$'\t' read -r article set part; do
    [[ $article == \#* || $set != ranking ]] && continue
    split[$article]=$part
done <"$root/tests/fixtures/real/sample.tsv"

# The words OR-ed for archiv; a word with other characters than letters and
# digits is quoted (as tests/real_ranking.rs does).
or_query() {
    local out="" word
    for word in $1; do
        if [[ $word =~ ^[[:alnum:]]+$ ]]; then
            out+="${out:+ OR }$word"
        else
            out+="${out:+ OR }\"${word//\"/}\""
        fi
    done
    printf '%s' "$out"
}

# rank of $2 (e.g. 00582.txt) among the ids on stdin, 0 if absent
rank_of() {
    awk -v want="$1" '$0 == want { print NR; found = 1; exit } END { if (!found) print 0 }'
}

# Each query whole, then cut to its first three words (a harder variant of
# the same set, which tells the systems apart where the whole queries are
# nearly all answered at rank 1).
run_set() {
    local words=$1 results=$2 article query q want a x xl
    : >"$results"
    while IFS=$'\t' read -r article query; do
        [[ $article == \#* || -z $article ]] && continue
        q=$query
        if [[ $words != all ]]; then
            q=$(printf '%s' "$query" | cut -d' ' -f1-"$words")
        fi
        want=$(printf '%05d.txt' "$article")
        a=$("$archiv" --index "$work/archiv-index" search "$(or_query "$q")" \
            --format json --limit $depth 2>/dev/null |
            sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | rank_of "$want")
        x=$(quest -d "$work/xapian-db" -s german -m $depth "$q" |
            sed -n 's|^url=/||p' | rank_of "$want")
        xl=$(quest -d "$work/xapian-db" -s german -m $depth "${q,,}" |
            sed -n 's|^url=/||p' | rank_of "$want")
        printf '%s\t%s\t%s\t%s\n' "${split[$article]:-?}" "$a" "$x" "$xl" >>"$results"
    done <"$root/tests/fixtures/real/queries.tsv"
}

report() {
    awk -F'\t' -v depth=$depth -v title="$1" '
        function add(col, s, r) {
            n[col, s]++
            if (r > 0) { rr[col, s] += 1 / r; if (r == 1) first[col, s]++ }
        }
        { for (c = 2; c <= 4; c++) add(c, $1, $c) }
        END {
            name[2] = "archiv (words OR-ed)"
            name[3] = "Xapian quest, as typed"
            name[4] = "Xapian quest, lowercased"
            printf "%-26s %-34s %-34s\n", title, "dev", "held back"
            for (c = 2; c <= 4; c++) {
                line = sprintf("%-26s", name[c])
                for (k = 1; k <= 2; k++) {
                    s = (k == 1) ? "dev" : "held"
                    q = n[c, s]
                    line = line sprintf(" MRR@%d %.4f  s@1 %.4f (%d/%d)", depth,
                        rr[c, s] / q, first[c, s] / q, first[c, s], q)
                }
                print line
            }
        }' "$2"
}

run_set all "$work/ranks.tsv"
run_set 3 "$work/ranks-3-words.tsv"
report "whole queries" "$work/ranks.tsv"
echo
report "first 3 words" "$work/ranks-3-words.tsv"
