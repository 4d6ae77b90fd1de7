package io.cupboard.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the current thread prepares, so a test can prove that a page runs a
 * fixed number of queries however many rows it shows (no N+1 loops), and keeps their SQL. It
 * wraps the application's data source in a proxy that counts statement creation on each connection.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<List<String>> PREPARED = ThreadLocal.withInitial(ArrayList::new);
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    public static void reset() {
        COUNT.get()[0] = 0;
        PREPARED.get().clear();
    }

    /** Returns the SQL of the statements prepared since the last reset, in their order. */
    public static List<String> prepared() {
        return List.copyOf(PREPARED.get());
    }

    public static int count() {
        return COUNT.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return proxy(DataSource.class, dataSource, (target, method, arguments) -> {
                Object result = invoke(method, target, arguments);
                return result instanceof Connection connection ? countingConnection(connection) : result;
            });
        }
        return bean;
    }

    private static Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, arguments) -> {
            if (STATEMENT_METHODS.contains(method.getName())) {
                COUNT.get()[0]++;
                if (arguments != null && arguments.length > 0 && arguments[0] instanceof String sql) {
                    PREPARED.get().add(sql);
                }
            }
            return invoke(method, target, arguments);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, TargetHandler<T> handler) {
        InvocationHandler invocation = (proxy, method, arguments) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(method, target, arguments);
            }
            return handler.handle(target, method, arguments);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface TargetHandler<T> {
        Object handle(T target, Method method, Object[] arguments) throws Throwable;
    }
}
