package io.sluice.kustomize.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** go-yaml v2's map key order for string keys: letters after other runs, digit runs numerically. */
final class KeyOrder {
    private KeyOrder() {
    }

    /** Sorts {@code keys} in this order, converting each key to code points once. */
    static void sort(List<String> keys) {
        int n = keys.size();
        if (n < 2) {
            return;
        }
        Integer[] order = new Integer[n];
        int[][] cps = new int[n][];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            cps[i] = Analysis.codePoints(keys.get(i));
        }
        Arrays.sort(order, new java.util.Comparator<Integer>() {
            @Override
            public int compare(Integer x, Integer y) {
                return x.equals(y) || Arrays.equals(cps[x], cps[y]) ? 0 : less(cps[x], cps[y]) ? -1 : 1;
            }
        });
        List<String> sorted = new ArrayList<>(n);
        for (Integer i : order) {
            sorted.add(keys.get(i));
        }
        for (int i = 0; i < n; i++) {
            keys.set(i, sorted.get(i));
        }
    }

    private static boolean less(int[] ar, int[] br) {
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
