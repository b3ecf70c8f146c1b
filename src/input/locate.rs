//! Maps a JSON path back to a line and column in the source text.
//!
//! serde reports positions only for errors it finds while parsing. Errors
//! found later, by validation, know their JSON path but not where that value
//! sits in the file; this small scanner walks the text to find out, so every
//! error a desk sees can point at a line.

use std::fmt;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// A JSON path such as `events[3].player`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    /// The path one member deeper.
    pub fn key(&self, key: &str) -> JsonPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_string()));
        JsonPath(segs)
    }

    /// The path one element deeper.
    pub fn index(&self, i: usize) -> JsonPath {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(i));
        JsonPath(segs)
    }

    /// Parses the dotted form this type displays (`a.b[2].c`).
    pub fn parse(text: &str) -> JsonPath {
        let mut segs = Vec::new();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let mut rest = part;
            if let Some(open) = rest.find('[') {
                if open > 0 {
                    segs.push(Seg::Key(rest[..open].to_string()));
                }
                rest = &rest[open..];
                while let Some(stripped) = rest.strip_prefix('[') {
                    let close = stripped.find(']').unwrap_or(stripped.len());
                    if let Ok(i) = stripped[..close].parse() {
                        segs.push(Seg::Index(i));
                    }
                    rest = stripped.get(close + 1..).unwrap_or("");
                }
            } else {
                segs.push(Seg::Key(rest.to_string()));
            }
        }
        JsonPath(segs)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The 1-based line and column where the value at `path` starts, if the
/// text is JSON and holds that path.
pub fn locate(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    let offset = scanner.find(&path.0)?;
    Some(line_col(text, offset))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The positions of many paths, in one pass over the text: a desk's file
/// with ten thousand problems is located as fast as one with one.
///
/// The paths form a tree; the scanner walks into a value only when some
/// path goes through it and skips everything else, then turns all the
/// byte offsets into line and column in a single sweep.
pub fn locate_all(text: &str, paths: &[JsonPath]) -> Vec<Option<(usize, usize)>> {
    let mut root = Node::default();
    for (n, path) in paths.iter().enumerate() {
        let mut node = &mut root;
        for seg in &path.0 {
            node = node.children.entry(seg.clone()).or_default();
        }
        node.here.push(n);
    }
    let mut offsets = vec![None; paths.len()];
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.find_all(&root, &mut offsets);
    line_cols(text, &offsets)
}

/// Every key that appears twice in one object, anywhere in the text, as
/// (path of the second occurrence, line and column). serde keeps the last
/// of two equal keys without a word, so a file with two `"eng-kane"`
/// ratings would silently lose one; this finds them. Linear in the text.
pub fn duplicate_keys(text: &str) -> Vec<(JsonPath, (usize, usize))> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut found = Vec::new();
    let mut path = Vec::new();
    // Not JSON: the parser says so with a better message.
    let _ = scanner.duplicates(&mut path, &mut found, 0);
    let offsets: Vec<Option<usize>> = found.iter().map(|(_, o)| Some(*o)).collect();
    let positions = line_cols(text, &offsets);
    found
        .into_iter()
        .zip(positions)
        .map(|((p, _), pos)| (p, pos.unwrap_or((1, 1))))
        .collect()
}

/// Deeper than this, the parser (limit 128) has already refused the file.
const MAX_DEPTH: usize = 256;

/// One step of the path tree: the paths ending here, and where others go.
#[derive(Default)]
struct Node {
    here: Vec<usize>,
    children: std::collections::HashMap<Seg, Node>,
}

/// Line and column of every known offset, in one sweep of the text.
fn line_cols(text: &str, offsets: &[Option<usize>]) -> Vec<Option<(usize, usize)>> {
    let mut order: Vec<(usize, usize)> = offsets
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (o.min(text.len()), n)))
        .collect();
    order.sort_unstable();
    let mut out = vec![None; offsets.len()];
    let (mut line, mut col, mut at) = (1, 1, 0);
    for (offset, n) in order {
        for c in text[at..offset].chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        at = offset;
        out[n] = Some((line, col));
    }
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Records the offset of every path in `node` that ends here, walks
    /// into members and elements some path needs, and skips the rest.
    fn find_all(&mut self, node: &Node, offsets: &mut [Option<usize>]) -> Option<()> {
        self.skip_ws();
        for &n in &node.here {
            offsets[n] = Some(self.at);
        }
        if node.children.is_empty() {
            return self.skip_value();
        }
        let (open, close) = match self.peek()? {
            b'{' => (b'{', b'}'),
            b'[' => (b'[', b']'),
            _ => return self.skip_value(),
        };
        self.expect(open)?;
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek()? == close {
                self.at += 1;
                return Some(());
            }
            let seg = if open == b'{' {
                let key = self.string()?;
                self.skip_ws();
                self.expect(b':')?;
                Seg::Key(key)
            } else {
                index += 1;
                Seg::Index(index - 1)
            };
            match node.children.get(&seg) {
                Some(child) => self.find_all(child, offsets)?,
                None => self.skip_value()?,
            }
            self.skip_ws();
            if self.peek()? == b',' {
                self.at += 1;
            }
        }
    }

    /// Scans the value here for repeated keys, recording each repeat.
    fn duplicates(
        &mut self,
        path: &mut Vec<Seg>,
        found: &mut Vec<(JsonPath, usize)>,
        depth: usize,
    ) -> Option<()> {
        self.skip_ws();
        let open = self.peek()?;
        if !matches!(open, b'{' | b'[') || depth > MAX_DEPTH {
            return self.skip_value();
        }
        self.at += 1;
        let close = if open == b'{' { b'}' } else { b']' };
        let mut keys = std::collections::HashSet::new();
        let mut index = 0;
        loop {
            self.skip_ws();
            if self.peek()? == close {
                self.at += 1;
                return Some(());
            }
            if open == b'{' {
                let start = self.at;
                let key = self.string()?;
                self.skip_ws();
                self.expect(b':')?;
                path.push(Seg::Key(key.clone()));
                if !keys.insert(key) {
                    found.push((JsonPath(path.clone()), start));
                }
            } else {
                path.push(Seg::Index(index));
                index += 1;
            }
            let inner = self.duplicates(path, found, depth + 1);
            path.pop();
            inner?;
            self.skip_ws();
            if self.peek()? == b',' {
                self.at += 1;
            }
        }
    }

    /// Walks into the value at the current position following `path`.
    fn find(&mut self, path: &[Seg]) -> Option<usize> {
        self.skip_ws();
        let Some((first, rest)) = path.split_first() else {
            return Some(self.at);
        };
        match (first, self.peek()?) {
            (Seg::Key(want), b'{') => {
                self.at += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    self.expect(b':')?;
                    if &key == want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
            }
            (Seg::Index(want), b'[') => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    if index == *want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    index += 1;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
            }
            _ => None,
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Reads a string literal; escapes are kept simple because keys in
    /// match files are plain identifiers.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.at;
        while self.peek()? != b'"' {
            if self.peek()? == b'\\' {
                self.at += 1;
            }
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        self.at += 1;
        Some(text.to_string())
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while !matches!(self.peek()?, b',' | b'}' | b']') {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": 1,\n  \"events\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\", \"player\": \"p\"}\n  ]\n}";

    #[test]
    fn finds_nested_member() {
        let path = JsonPath::parse("events[1].player");
        assert_eq!(locate(DOC, &path), Some((5, 27)));
    }

    #[test]
    fn finds_array_element_and_top_level_key() {
        assert_eq!(locate(DOC, &JsonPath::parse("events[0]")), Some((4, 5)));
        assert_eq!(locate(DOC, &JsonPath::parse("a")), Some((2, 8)));
    }

    #[test]
    fn missing_path_is_none() {
        assert_eq!(locate(DOC, &JsonPath::parse("events[2]")), None);
        assert_eq!(locate(DOC, &JsonPath::parse("nope")), None);
    }

    #[test]
    fn locates_many_paths_in_one_pass() {
        let paths: Vec<JsonPath> = ["events[1].player", "a", "events[0]", "nope", "events[0].id"]
            .into_iter()
            .map(JsonPath::parse)
            .collect();
        let found = locate_all(DOC, &paths);
        let one_by_one: Vec<_> = paths.iter().map(|p| locate(DOC, p)).collect();
        assert_eq!(found, one_by_one);
        assert_eq!(found[0], Some((5, 27)));
    }

    #[test]
    fn finds_repeated_keys_at_any_depth() {
        let doc = "{\"a\": 1, \"r\": {\"k\": 6, \"k\": 7}, \"l\": [{\"x\": 1, \"y\": 2, \"x\": 3}], \"a\": 2}";
        let found: Vec<String> = duplicate_keys(doc)
            .into_iter()
            .map(|(p, _)| p.to_string())
            .collect();
        assert_eq!(found, ["r.k", "l[0].x", "a"]);
        assert!(duplicate_keys(DOC).is_empty());
    }

    #[test]
    fn path_round_trips_through_display() {
        let text = "teams.home.squad[3].id";
        assert_eq!(JsonPath::parse(text).to_string(), text);
    }
}
