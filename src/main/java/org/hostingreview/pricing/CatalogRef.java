package org.hostingreview.pricing;

/** The reference of a catalog row across its four tables: {@code model_price:12}, {@code gpu_price:3}… */
public final class CatalogRef {

    public static final String MODEL_PRICE = "model_price";
    public static final String GPU_PRICE = "gpu_price";
    public static final String THROUGHPUT = "serving_throughput";
    public static final String POLICY = "policy_value";

    private CatalogRef() {
    }

    public static String of(String table, long id) {
        return table + ":" + id;
    }

    static String of(CatalogValue row) {
        return row.ref();
    }
}
