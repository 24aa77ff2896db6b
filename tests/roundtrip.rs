//! Property test: printing any query's syntax tree and parsing the text again gives the same tree
//! (spans aside, since canonical text puts things at other offsets). `Display` is what `explain`
//! shows and what error messages quote, so it must never print something that means otherwise.

use claimdb::dsl::ast::{
    Aggregate, Cond, Item, Limit, Name, Op, Order, Query, Span, Sugar, SugarKind, Value, ValueKind,
};
use claimdb::dsl::parse::KEYWORDS;
use claimdb::model::date::DateSpan;
use proptest::prelude::*;

/// Not a keyword, and not a name the grammar treats specially as an item (`count`, `sum`, …).
fn free(w: &str) -> bool {
    let items = Aggregate::ALL.iter().map(|a| a.as_str()).chain(["count"]);
    !KEYWORDS.iter().copied().chain(items).any(|k| k.eq_ignore_ascii_case(w))
}

fn name() -> impl Strategy<Value = Name> {
    let first = prop_oneof![Just('_'), proptest::char::range('a', 'z'), proptest::char::range('A', 'Z')];
    let rest = prop_oneof![proptest::char::range('a', 'z'), proptest::char::range('0', '9'), Just('_'), Just('é')];
    (first, proptest::collection::vec(rest, 0..8))
        .prop_map(|(f, r)| std::iter::once(f).chain(r).collect::<String>())
        .prop_filter("not a keyword", |w| free(w))
        .prop_map(|text| Name { text, span: Span::default() })
}

/// A bare word: `Iraq`, `U.S.`, `F-16s`, `al-Hol`, `Kurilla’s`.
fn word() -> impl Strategy<Value = String> {
    let part = proptest::collection::vec(
        prop_oneof![proptest::char::range('a', 'z'), proptest::char::range('A', 'Z'), proptest::char::range('0', '9')],
        1..6,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>());
    let sep = prop_oneof![Just("."), Just("-"), Just("'"), Just("\u{2019}")];
    (
        proptest::char::range('A', 'z').prop_filter("a letter", |c| c.is_ascii_alphabetic()),
        proptest::collection::vec((sep, part), 0..3),
        any::<bool>(),
    )
        .prop_map(|(first, parts, dot)| {
            let mut w = first.to_string();
            for (s, p) in parts {
                w.push_str(s);
                w.push_str(&p);
            }
            if dot {
                w.push('.');
            }
            w
        })
        .prop_filter("not a keyword", |w| free(w))
}

fn date() -> impl Strategy<Value = DateSpan> {
    let year = 1990i32..2040;
    let single = prop_oneof![
        (year.clone(), 1u8..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (year.clone(), 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ];
    let range = prop_oneof![
        // `1990/1990` would be the year 1990, which prints as a bare number: years range over two or more.
        (year.clone(), 1i32..3).prop_map(|(y, n)| format!("{y}/{}", y + n)),
        (year.clone(), 1u8..=6, 0u8..6).prop_map(|(y, m, n)| format!("{y}-{m:02}/{y}-{:02}", m + n)),
        (year, 1u8..=12, 1u8..=20, 0u8..8)
            .prop_map(|(y, m, d, n)| format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{:02}", d + n)),
    ];
    prop_oneof![single, range].prop_map(|s| DateSpan::parse(&s).expect("a valid date"))
}

fn value() -> impl Strategy<Value = Value> {
    let number =
        prop_oneof![(0u64..10_000_000).prop_map(|n| n as f64), (0u64..1_000_000).prop_map(|n| n as f64 / 100.0),];
    let quoted = proptest::collection::vec(any::<char>(), 0..12).prop_map(|cs| cs.into_iter().collect::<String>());
    prop_oneof![
        number.prop_map(ValueKind::Number),
        date().prop_map(ValueKind::Date),
        quoted.prop_map(ValueKind::Quoted),
        word().prop_map(ValueKind::Word),
    ]
    .prop_map(|kind| Value { kind, span: Span::default() })
}

fn predicate() -> impl Strategy<Value = Cond> {
    let op = prop_oneof![Just(Op::Eq), Just(Op::Ne), Just(Op::Lt), Just(Op::Le), Just(Op::Gt), Just(Op::Ge)];
    let s = Span::default();
    prop_oneof![
        (name(), op, value()).prop_map(|(field, op, value)| Cond::Compare { field, op, value }),
        (name(), proptest::collection::vec(value(), 1..4)).prop_map(move |(field, values)| Cond::In {
            field,
            values,
            span: s
        }),
        (name(), value(), value()).prop_map(move |(field, low, high)| Cond::Between { field, low, high, span: s }),
        (name(), value()).prop_map(|(field, value)| Cond::Match { field, value }),
        (name(), any::<bool>()).prop_map(move |(field, negated)| Cond::IsNull { field, negated, span: s }),
    ]
}

/// Conditions shaped as the parser builds them: an `and` inside an `and` (or an `or` inside an
/// `or`) would print as one flat list, and `not` binds tighter than either, so those are grouped.
fn cond() -> impl Strategy<Value = Cond> {
    fn group(c: Cond) -> Cond {
        Cond::Group(Box::new(c), Span::default())
    }
    fn atom(c: Cond) -> Cond {
        if matches!(c, Cond::And(_) | Cond::Or(_)) {
            group(c)
        } else {
            c
        }
    }
    predicate().prop_recursive(4, 32, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(group),
            inner.clone().prop_map(|c| Cond::Not(Box::new(atom(c)), Span::default())),
            proptest::collection::vec(inner.clone(), 2..4).prop_map(|cs| Cond::And(cs.into_iter().map(atom).collect())),
            proptest::collection::vec(inner, 2..4).prop_map(|cs| Cond::Or(
                cs.into_iter().map(|c| if matches!(c, Cond::Or(_)) { group(c) } else { c }).collect()
            )),
        ]
    })
}

fn item() -> impl Strategy<Value = Item> {
    let func = prop_oneof![Just(Aggregate::Sum), Just(Aggregate::Min), Just(Aggregate::Max), Just(Aggregate::Avg)];
    prop_oneof![
        name().prop_map(Item::Field),
        Just(Item::Count(Span::default())),
        (func, name()).prop_map(|(func, field)| Item::Aggregate { func, field, span: Span::default() }),
    ]
}

fn query() -> impl Strategy<Value = Query> {
    let sugar_kind = prop_oneof![Just(SugarKind::In), Just(SugarKind::By), Just(SugarKind::On), Just(SugarKind::From)];
    let sugar = (sugar_kind, value()).prop_map(|(kind, value)| Sugar { kind, value, span: Span::default() });
    (
        name(),
        proptest::collection::vec(sugar, 0..3),
        proptest::option::of(cond()),
        proptest::collection::vec(item(), 0..3),
        proptest::collection::vec(name(), 0..3),
        proptest::collection::vec(
            (item(), any::<bool>()).prop_map(|(item, descending)| Order { item, descending }),
            0..3,
        ),
        proptest::option::of((0u64..100_000).prop_map(|n| Limit { n, span: Span::default() })),
    )
        .prop_map(|(target, sugar, filter, select, group_by, order_by, limit)| Query {
            target,
            sugar,
            filter,
            select,
            group_by,
            order_by,
            limit,
        })
}

// ---- spans aside ----------------------------------------------------------------------------------

fn n(x: &Name) -> Name {
    Name { text: x.text.clone(), span: Span::default() }
}

fn v(x: &Value) -> Value {
    Value { kind: x.kind.clone(), span: Span::default() }
}

fn i(x: &Item) -> Item {
    let s = Span::default();
    match x {
        Item::Field(f) => Item::Field(n(f)),
        Item::Count(_) => Item::Count(s),
        Item::Aggregate { func, field, .. } => Item::Aggregate { func: *func, field: n(field), span: s },
    }
}

fn c(x: &Cond) -> Cond {
    let s = Span::default();
    match x {
        Cond::Or(cs) => Cond::Or(cs.iter().map(c).collect()),
        Cond::And(cs) => Cond::And(cs.iter().map(c).collect()),
        Cond::Not(inner, _) => Cond::Not(Box::new(c(inner)), s),
        Cond::Group(inner, _) => Cond::Group(Box::new(c(inner)), s),
        Cond::Compare { field, op, value } => Cond::Compare { field: n(field), op: *op, value: v(value) },
        Cond::In { field, values, .. } => Cond::In { field: n(field), values: values.iter().map(v).collect(), span: s },
        Cond::Between { field, low, high, .. } => {
            Cond::Between { field: n(field), low: v(low), high: v(high), span: s }
        }
        Cond::Match { field, value } => Cond::Match { field: n(field), value: v(value) },
        Cond::IsNull { field, negated, .. } => Cond::IsNull { field: n(field), negated: *negated, span: s },
    }
}

fn without_spans(q: &Query) -> Query {
    let s = Span::default();
    Query {
        target: n(&q.target),
        sugar: q.sugar.iter().map(|x| Sugar { kind: x.kind, value: v(&x.value), span: s }).collect(),
        filter: q.filter.as_ref().map(c),
        select: q.select.iter().map(i).collect(),
        group_by: q.group_by.iter().map(n).collect(),
        order_by: q.order_by.iter().map(|o| Order { item: i(&o.item), descending: o.descending }).collect(),
        limit: q.limit.as_ref().map(|l| Limit { n: l.n, span: s }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn printing_then_parsing_gives_the_same_query(q in query()) {
        let text = q.to_string();
        let parsed = claimdb::dsl::parse(&text).map_err(|e| TestCaseError::fail(e.render(&text)))?;
        prop_assert_eq!(without_spans(&parsed), q, "printed as: {}", text);
    }

    /// Any text at all, of any length, goes through parse, resolve and compile, and its error (if
    /// any) renders with a caret: never a panic. Unicode of every width, the grammar's own words
    /// and punctuation, and lengths around the 10,000-byte limit, where a cut can fall inside a
    /// character.
    #[test]
    fn any_text_compiles_or_renders_an_error(text in hostile_text()) {
        match claimdb::dsl::to_sql(&text, claimdb::dsl::Defaults::ForPeople, &claimdb::dsl::Sqlite) {
            Ok(sql) => prop_assert!(sql.text.starts_with("SELECT ")),
            Err(e) => {
                let shown = e.render(&text);
                prop_assert!(shown.contains('^'), "{}", shown);
            }
        }
    }
}

/// Random text for the query pipeline: pieces of the grammar mixed with arbitrary Unicode.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "\\PC{0,12}",
        2 => prop::sample::select(vec![
            "claims", "troops", "sources", "entities", " where ", " and ", " or ", " not ", "(", ")", " in ",
            " between ", " ~ ", " = ", " != ", " <= ", " select ", " group by ", " order by ", " limit ",
            "count", "sum(value)", "\"", "'", "“", "”", "2025-01-06", "2,500", "1.5", "é", "日本", "🙂", "\u{202e}",
            "\t", "\n", "\0", "value", "date", "party", "location", "quote", "text",
        ]).prop_map(str::to_string),
        1 => "[0-9,.\\-/]{1,20}",
    ];
    prop_oneof![
        8 => prop::collection::vec(piece, 0..40).prop_map(|p| p.concat()),
        // Around the length limit, in characters of 1 to 4 bytes.
        1 => (9_980usize..10_020, prop::sample::select(vec!["a", "é", "日", "🙂"]))
            .prop_map(|(n, c)| format!("claims where quote ~ \"{}\"", c.repeat(n / c.len()))),
    ]
}
