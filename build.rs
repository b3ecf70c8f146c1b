//! Compiles the default phrasebank into the binary, so `beatwriter` works
//! from any directory; `--phrasebank DIR` still overrides it at run time.

use std::path::{Path, PathBuf};

// The library's own splitting of a file into variants, so the index built
// here is the one it would build at run time.
#[path = "src/phrasebank/split.rs"]
#[allow(dead_code)]
mod split;

fn main() {
    // Read at run time, not with `env!`: a build script compiled in one
    // checkout is reused by cargo for another (a moved clone, CI's fresh
    // clone sharing a target directory).
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("phrasebank");
    // Relative to the package, so a fresh checkout always reruns this script;
    // cargo scans a directory recursively for changes.
    println!("cargo:rerun-if-changed=phrasebank");
    assert!(
        root.is_dir(),
        "the default phrasebank is missing: {}",
        root.display()
    );
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut out = String::from(
        "/// Every file of the default phrasebank: path relative to `phrasebank/`, and text.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // The path is joined when the library compiles, in whichever
        // checkout compiles it: cargo may reuse this script's output for a
        // clone elsewhere (a shared target directory), and a path written
        // here would point into the checkout that ran the script.
        let within = format!("/phrasebank/{rel}");
        out.push_str(&format!(
            "    ({rel:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {within:?}))),\n"
        ));
    }
    out.push_str("];\n");
    out.push_str(&variant_index(&files));
    out.push_str(&fingerprints(&root, &files));
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("phrasebank_files.rs");
    std::fs::write(dest, out).unwrap();
}

/// Each language's phrasebank fingerprint, worked out here rather than
/// at every start: hashing the megabyte of templates byte by byte was a
/// tenth of a report's process time. The same hash as
/// `phrasebank::fingerprint` (a unit test there checks they agree).
fn fingerprints(root: &Path, files: &[PathBuf]) -> String {
    let mut texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let rel = f
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(f).unwrap())
        })
        .collect();
    texts.sort();
    let mut languages: Vec<&str> = texts
        .iter()
        .filter_map(|(rel, _)| rel.split_once('/').map(|(l, _)| l))
        .collect();
    languages.dedup();
    let mut out = String::from(
        "/// Each language's fingerprint of the files above, as `fingerprint` makes it.\npub const FINGERPRINTS: &[(&str, &str)] = &[\n",
    );
    for language in languages {
        let prefix = format!("{language}/");
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (path, text) in texts.iter().filter(|(p, _)| p.starts_with(&prefix)) {
            for b in path.bytes().chain([0]).chain(text.bytes()).chain([0]) {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        out.push_str(&format!(
            "    ({language:?}, \"{language}-{:08x}\"),\n",
            h >> 32
        ));
    }
    out.push_str("];\n");
    out
}

/// Each file's variants, found here rather than at every start (finding
/// them, their claims and whether they are plain ASCII was most of the
/// time it took to load the built-in phrasebank): for each file of
/// `FILES`, in the same order, its variants' (start line, byte range in
/// the file, plain ASCII, declared claims). JSON files have none.
fn variant_index(files: &[PathBuf]) -> String {
    let mut out = String::from(
        "/// A variant of a file: start line, byte start and end, plain ASCII, claims.\npub type Row = (usize, usize, usize, bool, &'static [&'static str]);\n/// Each file's variants, parallel to `FILES`.\npub const VARIANTS: &[&[Row]] = &[\n",
    );
    for file in files {
        out.push_str("    &[");
        if file.extension().is_some_and(|e| e == "hbs") {
            let text = std::fs::read_to_string(file).unwrap();
            for (line, body) in split::split_variants(&text) {
                let start = body.as_ptr() as usize - text.as_ptr() as usize;
                let claims = split::declared_claims(body);
                out.push_str(&format!(
                    "({line}, {start}, {}, {}, &{claims:?}), ",
                    start + body.len(),
                    split::is_plain(body)
                ));
            }
        }
        out.push_str("],\n");
    }
    out.push_str("];\n");
    out
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("hbs" | "json")
        ) {
            files.push(path);
        }
    }
}
