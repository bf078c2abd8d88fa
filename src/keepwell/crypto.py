"""Field encryption at rest: AES-256-GCM with a key ring, so keys can be rotated.

Tokens look like ``kw1$<key id>$<base64(nonce ‖ ciphertext ‖ tag)>``. The first key of the ring
encrypts; every key decrypts, which lets old rows be read while they are re-encrypted.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

TOKEN_PREFIX = "kw1"  # noqa: S105 - a format marker, not a secret


class EncryptionError(ValueError):
    pass


@dataclass(frozen=True)
class KeyRing:
    keys: tuple[tuple[str, bytes], ...]

    @classmethod
    def parse(cls, text: str) -> KeyRing:
        """Parse ``id:base64key[,id:base64key…]``; keys are 32 bytes (AES-256)."""
        keys = []
        for item in text.split(","):
            item = item.strip()
            if not item:
                continue
            key_id, separator, encoded = item.partition(":")
            if not separator or not key_id or "$" in key_id:
                raise EncryptionError(f"encryption key {item[:8]!r}…: expected 'id:base64key'")
            try:
                key = base64.urlsafe_b64decode(encoded.encode())
            except ValueError as error:
                raise EncryptionError(f"encryption key {key_id!r}: not base64") from error
            if len(key) != 32:
                raise EncryptionError(f"encryption key {key_id!r}: must be 32 bytes, is {len(key)}")
            keys.append((key_id, key))
        if not keys:
            raise EncryptionError("no encryption key configured")
        return cls(tuple(keys))

    @property
    def primary_id(self) -> str:
        return self.keys[0][0]

    def encrypt(self, plaintext: str, *, context: str) -> str:
        key_id, key = self.keys[0]
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), context.encode())
        return f"{TOKEN_PREFIX}${key_id}${base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, token: str, *, context: str) -> str:
        prefix, _, rest = token.partition("$")
        key_id, _, payload = rest.partition("$")
        if prefix != TOKEN_PREFIX or not payload:
            raise EncryptionError("not an encrypted value")
        key = dict(self.keys).get(key_id)
        if key is None:
            raise EncryptionError(f"value encrypted with unknown key {key_id!r}")
        raw = base64.urlsafe_b64decode(payload.encode())
        try:
            return AESGCM(key).decrypt(raw[:12], raw[12:], context.encode()).decode()
        except InvalidTag as error:
            raise EncryptionError("encrypted value failed authentication") from error

    def key_id_of(self, token: str) -> str:
        return token.split("$", 2)[1]
