package org.spectraledge.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskNameTest {

    @Test
    void theContractNamesParse() {
        List<String> contract = List.of("add", "sub", "mul", "div", "sq_sum", "quad", "cube", "dyck", "scan", "parity",
                "div_odd", "quad_a", "cube_ab2");
        for (String name : contract) {
            assertEquals(name, TaskName.parse(name).cliName());
        }
        assertEquals(contract.size(), TaskName.values().length);
        assertEquals(TaskName.SQ_SUM, TaskName.parse(" SQ_SUM "));
        assertEquals(ModularOp.SQ_SUM, TaskName.SQ_SUM.modularOp());
        assertEquals(TaskName.CUBE, TaskName.of(ModularOp.CUBE));
    }

    @Test
    void modularTasksMatchTheirOperationNames() {
        for (ModularOp op : ModularOp.values()) {
            assertEquals(op.taskName(), TaskName.of(op).cliName());
        }
    }

    @Test
    void unknownNameListsEveryValidName() {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskName.parse("modadd"));
        String message = e.getMessage();
        assertTrue(message.contains("'modadd'"), message);
        Arrays.stream(TaskName.values()).forEach(t -> assertTrue(message.contains(t.cliName()), message));
        assertThrows(IllegalArgumentException.class, () -> TaskName.parse(null));
        assertThrows(IllegalStateException.class, TaskName.SCAN::modularOp);
    }

    @ParameterizedTest
    @EnumSource(TaskName.class)
    void defaultsDescribeThemselves(TaskName task) {
        TaskDataset data = task.defaults(0);
        assertEquals(task, data.task());
        assertTrue(data.size(Split.TRAIN) > 0 && data.size(Split.TEST) > 0);
        assertTrue(data.inputVocabSize() >= 2 && data.outputVocabSize() >= 2);
        List<PreviewRow> rows = data.preview(2);
        assertEquals(4, rows.size());
        assertEquals(List.of(Split.TRAIN, Split.TRAIN, Split.TEST, Split.TEST),
                rows.stream().map(PreviewRow::split).toList());
        assertEquals(List.of(0, 1, 0, 1), rows.stream().map(PreviewRow::index).toList());
        rows.forEach(r -> assertTrue(r.line().contains(r.input()) && r.line().contains(r.target()), r.line()));
        assertEquals(task.isModular(), data instanceof ModularDataset);
    }

    @Test
    void modularDefaultsUseP97() {
        ModularDataset data = (ModularDataset) TaskName.ADD.defaults(0);
        assertEquals(97, data.p());
        assertEquals(97 * 97, data.size(Split.TRAIN) + data.size(Split.TEST));
        assertEquals(97 * 96, TaskName.DIV.defaults(0).size(Split.TRAIN) + TaskName.DIV.defaults(0).size(Split.TEST));
    }
}
