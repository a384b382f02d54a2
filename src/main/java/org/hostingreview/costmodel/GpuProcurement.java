package org.hostingreview.costmodel;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

/**
 * How the self-hosted GPUs are paid for (the {@code gpuProcurement} assumption, by code): on demand by the hour, reserved
 * for one or three years at a discount off the hourly price, or purchased — depreciation over the stated months, power
 * (kW per GPU × PUE × $/kWh × 730 h) and colocation per GPU-month, each its own line item. Every GPU is paid for all
 * 730 hours of the month whichever way it is bought.
 */
public enum GpuProcurement {
    ON_DEMAND(0, "on demand"), RESERVED_1Y(1, "1-year reserved"), RESERVED_3Y(3, "3-year reserved"), PURCHASED(4, "purchased");

    public static final String POWER = "GPU power";
    public static final String COLOCATION = "Colocation";

    private final int code;
    private final String label;

    GpuProcurement(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The procurement with this code; on demand for any other value. */
    public static GpuProcurement of(double code) {
        for (GpuProcurement p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return ON_DEMAND;
    }

    public static boolean isCode(double value) {
        for (GpuProcurement p : values()) {
            if (p.code == value) {
                return true;
            }
        }
        return false;
    }

    /** One GPU's month, line by line: rent (or depreciation), and for a purchased GPU its power and colocation. */
    private record PerGpu(double hardware, double power, double colocation) {

        double total() {
            return hardware + power + colocation;
        }
    }

    private static PerGpu perGpu(GpuProcurement p, Assumptions a) {
        double hours = Workload.HOURS_PER_MONTH;
        return switch (p) {
            case ON_DEMAND -> new PerGpu(a.get(Param.GPU_USD_PER_HOUR) * hours, 0, 0);
            case RESERVED_1Y, RESERVED_3Y -> new PerGpu(a.get(Param.GPU_USD_PER_HOUR)
                    * (1 - a.get(p == RESERVED_1Y ? Param.RESERVED_1Y_DISCOUNT : Param.RESERVED_3Y_DISCOUNT)) * hours, 0, 0);
            case PURCHASED -> new PerGpu(a.get(Param.GPU_PURCHASE_USD) / a.get(Param.DEPRECIATION_MONTHS),
                    a.get(Param.GPU_POWER_KW) * a.get(Param.PUE) * a.get(Param.ELECTRICITY_USD_PER_KWH) * hours,
                    a.get(Param.COLOCATION_USD_PER_GPU_MONTH));
        };
    }

    /**
     * The monthly cost of one GPU, every line together, without building the line items: the break-even search asks
     * for it at every replica count it looks at.
     */
    public static double usdPerGpuMonth(Assumptions a) {
        return perGpu(of(a.get(Param.GPU_PROCUREMENT)), a).total();
    }

    /** The GPU line items for a fleet of {@code gpus} (the first is always {@link CostModel#GPUS}). */
    static List<LineItem> lines(long gpus, Assumptions a) {
        GpuProcurement p = of(a.get(Param.GPU_PROCUREMENT));
        PerGpu one = perGpu(p, a);
        List<LineItem> items = new ArrayList<>();
        items.add(new LineItem(CostModel.GPUS, gpus * one.hardware(), () -> pricing(a)));
        if (p == PURCHASED) {
            items.add(new LineItem(POWER, gpus * one.power(), () -> String.format(Locale.US, "%s × %s kW × PUE %s × $%s/kWh × 730 h", Text.count(gpus, "GPU"),
                    Text.number(a.get(Param.GPU_POWER_KW)), Text.number(a.get(Param.PUE)),
                    Text.number(a.get(Param.ELECTRICITY_USD_PER_KWH)))));
            items.add(new LineItem(COLOCATION, gpus * one.colocation(), () -> String.format(Locale.US,
                    "%s × $%s per GPU-month (rack space, cooling, network)", Text.count(gpus, "GPU"),
                    Text.number(a.get(Param.COLOCATION_USD_PER_GPU_MONTH)))));
        }
        return items;
    }

    /** How one GPU is priced, in words, for the GPU line: "× $2.49/h × 730 h, 1-year reserved at 35% off". */
    static String pricing(Assumptions a) {
        GpuProcurement p = of(a.get(Param.GPU_PROCUREMENT));
        return switch (p) {
            case ON_DEMAND -> String.format(Locale.US, "× $%s/h × 730 h on demand", Text.number(a.get(Param.GPU_USD_PER_HOUR)));
            case RESERVED_1Y, RESERVED_3Y -> String.format(Locale.US, "× $%s/h × 730 h, %s at %.0f%% off", Text.number(a.get(Param.GPU_USD_PER_HOUR)),
                    p.label, 100 * a.get(p == RESERVED_1Y ? Param.RESERVED_1Y_DISCOUNT : Param.RESERVED_3Y_DISCOUNT));
            case PURCHASED -> String.format(Locale.US, "purchased at $%,.0f per GPU, depreciated over %s months", a.get(Param.GPU_PURCHASE_USD),
                    Text.number(a.get(Param.DEPRECIATION_MONTHS)));
        };
    }
}
