//! Claims: no variant is offered when a claim it declares is false, every
//! claim a shipped variant declares is known and documented, and the claims
//! of every sentence hold (checked with the facts in tests/tones.rs).

mod common;

use beatwriter::claims::CLAIMS;
use beatwriter::inspect::offer;

#[test]
fn a_variant_is_never_offered_when_a_claim_it_declares_is_false() {
    let bank = common::bank();
    let mut checked = 0;
    for v in bank.all_variants().filter(|v| !v.claims.is_empty()) {
        let siblings = bank.variants_exact(&v.tone, &v.message);
        let all_true = offer(siblings, |_| true);
        assert!(
            all_true.contains(v),
            "{} is not offered when its claims hold",
            v.id()
        );
        for claim in &v.claims {
            let offered = offer(siblings, |c| c != claim);
            assert!(
                !offered.contains(v),
                "{} is offered though its claim {claim} is false",
                v.id()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 10,
        "only {checked} declared claims in the phrasebank"
    );
}

#[test]
fn shipped_variants_declare_only_known_claims() {
    for v in common::bank().all_variants() {
        for claim in &v.claims {
            assert!(
                beatwriter::claims::find(claim).is_some(),
                "{} declares the unknown claim {claim}",
                v.id()
            );
        }
    }
}

#[test]
fn docs_list_every_claim() {
    let docs = std::fs::read_to_string("docs/claims.md").unwrap();
    for c in CLAIMS {
        assert!(
            docs.contains(&format!("| `{}` |", c.name)),
            "docs/claims.md does not list {}",
            c.name
        );
    }
}
