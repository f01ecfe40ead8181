package com.outcomedesk.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A password hasher that notes the cost of every Argon2id derivation it makes. */
final class CountingHasher extends PasswordHasher {
    final List<String> derivations = new CopyOnWriteArrayList<>();

    CountingHasher(int memoryKib, int iterations, int parallelism) {
        super(memoryKib, iterations, parallelism);
    }

    @Override
    byte[] argon2(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        derivations.add("m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism);
        return super.argon2(password, salt, memoryKib, iterations, parallelism, length);
    }

    List<String> takeAll() {
        List<String> all = List.copyOf(derivations);
        derivations.clear();
        return all;
    }
}
