"""The vault (deid/vault.py): encrypted, authenticated, atomic, merged under a lock."""
import os
import subprocess
import sys
import threading

import pytest

os.environ["DEID_VAULT_FAST_KDF"] = "1"  # tiny KDF costs for vaults made by tests

from deid.vault import Vault, VaultError, new_key_file  # noqa: E402

PW = "a long test passphrase"
SECRETS = ["Wiremu Tapsell", "Oonagh Breslin", "1987-02-11", "0412 345 678"]


def _make(path, pw=PW, client="c-1", pairs=None):
    v = Vault.open(path, passphrase=pw, create=True)
    with v.transaction():
        st = v.client(client, create=True)
        for i, orig in enumerate(pairs or SECRETS):
            st.add(f"Surrogate{i} Word", "PERSON", orig)
    return v


def test_roundtrip_and_no_plaintext_in_the_bytes(tmp_path):
    p = tmp_path / "v.vault"
    _make(p)
    data = p.read_bytes()
    for s in SECRETS + ["c-1", "Surrogate0", "PERSON"]:
        assert s.encode() not in data and s.encode("utf-16-le") not in data
    v = Vault.open(p, passphrase=PW)
    st = v.clients["c-1"]
    assert st.original_of("surrogate0 word")[2] == SECRETS[0]
    assert st.surrogate_for("PERSON", SECRETS[1].upper()) == "Surrogate1 Word"
    assert v.info() == {"clients": 1, "pairs": 4, "per_type": {"PERSON": 4}, "kdf": "argon2id"}


def test_wrong_passphrase_is_a_clear_exit_2_error(tmp_path):
    p = tmp_path / "v.vault"
    _make(p)
    with pytest.raises(VaultError) as e:
        Vault.open(p, passphrase="not it")
    assert e.value.exit_code == 2 and "wrong passphrase" in str(e.value) and "\n" not in str(e.value)


def test_truncated_and_tampered_files_are_refused(tmp_path):
    p = tmp_path / "v.vault"
    _make(p)
    good = p.read_bytes()
    head = good.index(b"\n") + 1
    p.write_bytes(good[: head + 20])
    with pytest.raises(VaultError, match="truncated"):
        Vault.open(p, passphrase=PW)
    p.write_bytes(good[:-5])
    with pytest.raises(VaultError, match="changed or damaged"):
        Vault.open(p, passphrase=PW)
    flipped = bytearray(good)
    flipped[head + 30] ^= 0x01  # one bit of ciphertext: the GCM tag fails
    p.write_bytes(bytes(flipped))
    with pytest.raises(VaultError, match="changed or damaged"):
        Vault.open(p, passphrase=PW)
    tag = bytearray(good)
    tag[-1] ^= 0x80  # the tag itself
    p.write_bytes(bytes(tag))
    with pytest.raises(VaultError):
        Vault.open(p, passphrase=PW)
    # the header is authenticated too: a changed parameter fails, not a different key silently
    p.write_bytes(good.replace(b'"iterations": 1', b'"iterations": 2', 1))
    with pytest.raises(VaultError):
        Vault.open(p, passphrase=PW)
    p.write_bytes(b"hello\n" + good[head:])
    with pytest.raises(VaultError, match="not a deid vault"):
        Vault.open(p, passphrase=PW)
    p.write_bytes(good)
    assert Vault.open(p, passphrase=PW).clients["c-1"].pairs


def test_key_file_vault(tmp_path):
    kf = tmp_path / "k.key"
    new_key_file(str(kf))
    assert oct(kf.stat().st_mode & 0o777) == "0o600"
    p = tmp_path / "v.vault"
    v = Vault.open(p, key_file=str(kf), create=True)
    with v.transaction():
        v.client("c", create=True).add("Aroha", "PERSON", "Mereana")
    assert Vault.open(p, key_file=str(kf)).clients["c"].original_of("aroha")[2] == "Mereana"
    with pytest.raises(VaultError, match="key file"):
        Vault.open(p, passphrase=PW)
    other = tmp_path / "other.key"
    other.write_bytes(os.urandom(32))
    with pytest.raises(VaultError, match="wrong passphrase or key"):
        Vault.open(p, key_file=str(other))
    bad = tmp_path / "bad.key"
    bad.write_text("short")
    with pytest.raises(VaultError, match="32 raw bytes"):
        Vault.open(p, key_file=str(bad))


def test_passphrase_from_environment_and_missing_key(tmp_path, monkeypatch):
    p = tmp_path / "v.vault"
    _make(p)
    monkeypatch.setenv("DEID_VAULT_PASSPHRASE", PW)
    assert "c-1" in Vault.open(p).clients
    monkeypatch.delenv("DEID_VAULT_PASSPHRASE")
    monkeypatch.setattr("deid.vault._has_tty", lambda: False)
    with pytest.raises(VaultError, match="no vault key"):
        Vault.open(p)


def test_missing_vault_is_not_created_unless_asked(tmp_path):
    with pytest.raises(VaultError, match="no vault"):
        Vault.open(tmp_path / "none.vault", passphrase=PW)
    assert not (tmp_path / "none.vault").exists()


def test_crash_mid_write_keeps_the_previous_vault(tmp_path, monkeypatch):
    p = tmp_path / "v.vault"
    v = _make(p)
    before = p.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        with v.transaction():
            v.client("c-2", create=True).add("Zed", "PERSON", "Someone Else")
    monkeypatch.undo()
    assert p.read_bytes() == before
    assert [f for f in os.listdir(tmp_path) if f.endswith(".tmp")] == []
    assert set(Vault.open(p, passphrase=PW).clients) == {"c-1"}


def test_concurrent_writers_in_threads_keep_every_pair(tmp_path):
    p = tmp_path / "v.vault"
    Vault.open(p, passphrase=PW, create=True)

    def writer(cid):
        v = Vault.open(p, passphrase=PW)  # each its own handle, as two sessions would be
        for i in range(15):
            with v.transaction():
                v.client(cid, create=True).add(f"{cid}-sur-{i}", "ID", f"{cid}-orig-{i}")

    ts = [threading.Thread(target=writer, args=(c,)) for c in ("a", "b", "c")]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    v = Vault.open(p, passphrase=PW)
    assert {c: len(s.pairs) for c, s in v.clients.items()} == {"a": 15, "b": 15, "c": 15}


WRITER = """
import os, sys
os.environ["DEID_VAULT_FAST_KDF"] = "1"
from deid.vault import Vault
v = Vault.open(sys.argv[1], passphrase=sys.argv[2])
cid = sys.argv[3]
for i in range(20):
    with v.transaction():
        v.client(cid, create=True).add(f"{cid}-s{i}", "ID", f"{cid}-o{i}")
"""


def test_concurrent_writers_in_two_processes_keep_every_pair(tmp_path):
    p = tmp_path / "v.vault"
    Vault.open(p, passphrase=PW, create=True)
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(p), PW, c]) for c in ("x", "y")]
    assert [pr.wait(timeout=120) for pr in procs] == [0, 0]
    v = Vault.open(p, passphrase=PW)
    assert len(v.clients["x"].pairs) == 20 and len(v.clients["y"].pairs) == 20


def test_forget_removes_one_client_only(tmp_path):
    p = tmp_path / "v.vault"
    v = _make(p, client="keep")
    with v.transaction():
        v.client("drop", create=True).add("Kowhai", "PERSON", "Ngaire Paewai")
    assert v.forget("drop") == 1
    v2 = Vault.open(p, passphrase=PW)
    assert set(v2.clients) == {"keep"}
    assert b"drop" not in p.read_bytes()
    assert v2.info("keep")["pairs"] == 4
