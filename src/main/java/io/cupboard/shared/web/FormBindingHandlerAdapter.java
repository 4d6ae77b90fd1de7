package io.cupboard.shared.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletRequest;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Spring MVC's handler adapter, with forms bound from the request's parameters and path variables
 * only, not from its headers.
 *
 * <p>Since Spring Framework 6.2 a form object also takes values from request headers of the same
 * name. No CupBoard form expects one, and a client could set a form's field, such as an outcome's
 * {@code note}, by a header that no page shows. Reading every header through the request's
 * wrappers and firewall was also 5% of the JVM's time for a call outcome.
 */
class FormBindingHandlerAdapter extends RequestMappingHandlerAdapter {

    @Override
    protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
        return new FormBinderFactory(binderMethods, getWebBindingInitializer());
    }

    private static final class FormBinderFactory extends ServletRequestDataBinderFactory {

        FormBinderFactory(List<InvocableHandlerMethod> binderMethods, WebBindingInitializer initializer) {
            super(binderMethods, initializer);
        }

        @Override
        protected ServletRequestDataBinder createBinderInstance(Object target, String objectName, NativeWebRequest request) {
            return new FormDataBinder(target, objectName);
        }
    }

    /**
     * Binds request parameters, and path variables that no parameter of the same name overrides:
     * Spring MVC's binder without headers, for setters and constructors alike.
     */
    static final class FormDataBinder extends ExtendedServletRequestDataBinder {

        FormDataBinder(Object target, String objectName) {
            super(target, objectName);
            setHeaderPredicate(header -> false);
        }

        /**
         * Adds the path variables as the superclass does, without walking every header to test
         * each name. Constructor binding still looks up each header by name, and the predicate rejects it.
         */
        @Override
        @SuppressWarnings("unchecked")
        protected void addBindValues(MutablePropertyValues values, ServletRequest request) {
            Map<String, String> pathVariables =
                    (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (pathVariables != null) {
                pathVariables.forEach((name, value) -> {
                    if (!values.contains(name)) {
                        values.addPropertyValue(name, value);
                    }
                });
            }
        }
    }
}
