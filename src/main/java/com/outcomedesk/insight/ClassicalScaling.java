package com.outcomedesk.insight;

/**
 * Classical (Torgerson) multidimensional scaling in plain Java: the doubly centred matrix of squared distances, its two
 * largest eigenvalues (Jacobi), coordinates = eigenvector x sqrt(eigenvalue). What Smile's MDS
 * computes, without the native ARPACK/OpenBLAS libraries it loads for it (about 16 MB of the jar for one 2-D map).
 */
final class ClassicalScaling {
    private static final int MAX_SWEEPS = 100;
    private static final double TOLERANCE = 1e-12;

    private ClassicalScaling() {
    }

    /** n x 2 coordinates whose distances approximate {@code distances} (n x n, symmetric, zero diagonal). */
    static double[][] of(double[][] distances) {
        int n = distances.length;
        double[][] a = centredSquares(distances);
        double[][] vectors = jacobi(a);
        // the two largest eigenvalues (on the diagonal now); an axis without positive spread stays 0
        int first = -1;
        int second = -1;
        for (int i = 0; i < n; i++) {
            if (first < 0 || a[i][i] > a[first][first]) {
                second = first;
                first = i;
            } else if (second < 0 || a[i][i] > a[second][second]) {
                second = i;
            }
        }
        double[][] xy = new double[n][2];
        int[] axes = {first, second};
        for (int axis = 0; axis < 2; axis++) {
            int e = axes[axis];
            if (e < 0 || a[e][e] <= 0) continue;
            double scale = Math.sqrt(a[e][e]);
            // the sign of an eigenvector is arbitrary: fixed so that its largest entry is positive, for a stable map
            int big = 0;
            for (int i = 1; i < n; i++) if (Math.abs(vectors[i][e]) > Math.abs(vectors[big][e])) big = i;
            double sign = vectors[big][e] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) xy[i][axis] = sign * vectors[i][e] * scale;
        }
        return xy;
    }

    /** B = -1/2 J D^2 J with J the centring matrix. */
    private static double[][] centredSquares(double[][] d) {
        int n = d.length;
        double[][] b = new double[n][n];
        double[] row = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = d[i][j] * d[i][j];
                b[i][j] = s;
                row[i] += s;
            }
            all += row[i];
            row[i] /= n;
        }
        all /= (double) n * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) b[i][j] = -0.5 * (b[i][j] - row[i] - row[j] + all);
        }
        return b;
    }

    /**
     * Cyclic Jacobi rotations: diagonalises symmetric {@code a} in place (eigenvalues on the diagonal) and returns the
     * eigenvectors as columns. Exact to rounding and free of start vectors; n^3 per sweep suits the few hundred
     * diseases a map holds.
     */
    private static double[][] jacobi(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    total += a[i][j] * a[i][j];
                    if (i != j) off += a[i][j] * a[i][j];
                }
            }
            if (off <= TOLERANCE * TOLERANCE * Math.max(total, Double.MIN_NORMAL)) break;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        return v;
    }
}
